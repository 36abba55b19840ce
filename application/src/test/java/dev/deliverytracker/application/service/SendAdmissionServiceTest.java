package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemorySendBudgets;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Admission;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Budget;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendAdmissionServiceTest {

    private static final OrganizationId ACME = OrganizationId.of(1);
    private static final OrganizationId GLOBEX = OrganizationId.of(2);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemorySendBudgets budgets = new InMemorySendBudgets(clock);
    private final Map<OrganizationId, SendLimits> configured = new HashMap<>();
    private final SendAdmissionService admission = new SendAdmissionService(budgets,
            (organization, defaults) -> configured.getOrDefault(organization, defaults),
            new SendLimits(new SendLimit(3, Duration.ofSeconds(1)), new SendLimit(5, Duration.ofSeconds(1))));

    @Test
    void a_key_over_its_budget_is_refused_with_the_wait_until_its_next_token() {
        ApiCaller key = new ApiCaller(11, ACME);
        for (int i = 0; i < 3; i++) {
            assertThat(admission.admit(key)).isInstanceOf(Admission.Admitted.class);
        }

        Admission refused = admission.admit(key);

        assertThat(refused).isEqualTo(new Admission.OverBudget(Budget.API_KEY, new SendLimit(3, Duration.ofSeconds(1)),
                Duration.ofNanos(333_333_334)));
        clock.advance(Duration.ofMillis(334));
        assertThat(admission.admit(key)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void the_keys_of_one_organization_share_its_budget_and_a_refused_request_costs_the_key_nothing() {
        ApiCaller first = new ApiCaller(21, ACME);
        ApiCaller second = new ApiCaller(22, ACME);
        for (int i = 0; i < 3; i++) {
            assertThat(admission.admit(first)).isInstanceOf(Admission.Admitted.class);
        }
        assertThat(admission.admit(second)).isInstanceOf(Admission.Admitted.class);
        assertThat(admission.admit(second)).isInstanceOf(Admission.Admitted.class);

        Admission refused = admission.admit(second);

        assertThat(refused).isInstanceOfSatisfying(Admission.OverBudget.class,
                over -> assertThat(over.budget()).isEqualTo(Budget.ORGANIZATION));
        assertThat(admission.admit(new ApiCaller(31, GLOBEX))).as("another organization")
                .isInstanceOf(Admission.Admitted.class);
        clock.advance(Duration.ofMillis(200));
        assertThat(admission.admit(second)).as("its key token was given back: the organization's refill is enough")
                .isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void an_organization_with_limits_of_its_own_gets_those() {
        configured.put(GLOBEX, new SendLimits(new SendLimit(1, Duration.ofMinutes(1)),
                new SendLimit(100, Duration.ofSeconds(1))));
        ApiCaller key = new ApiCaller(41, GLOBEX);
        assertThat(admission.admit(key)).isInstanceOf(Admission.Admitted.class);

        assertThat(admission.admit(key)).isInstanceOfSatisfying(Admission.OverBudget.class, over -> {
            assertThat(over.limit()).isEqualTo(new SendLimit(1, Duration.ofMinutes(1)));
            assertThat(over.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        });
    }
}
