package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemorySendBudgets;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final ApiCaller CALLER = new ApiCaller(7, ORG);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final SendAdmissionService budgets = new SendAdmissionService(new InMemorySendBudgets(clock),
            (organization, defaults) -> defaults,
            new SendLimits(new SendLimit(3, Duration.ofMinutes(1)), new SendLimit(100, Duration.ofMinutes(1))));
    private final SendMessageService service = new SendMessageService(store, budgets, clock);

    @Test
    void a_caller_over_its_send_budget_is_refused_and_nothing_is_stored() {
        for (int i = 0; i < 3; i++) {
            assertThat(service.send(text("hello " + i, ""))).isInstanceOf(SendOutcome.Accepted.class);
        }

        SendOutcome refused = service.send(text("one too many", ""));

        assertThat(refused).isInstanceOfSatisfying(SendOutcome.OverBudget.class, over -> {
            assertThat(over.refusal().budget()).isEqualTo(AdmitSendRequest.Budget.API_KEY);
            assertThat(over.refusal().limit()).isEqualTo(new SendLimit(3, Duration.ofMinutes(1)));
        });
        assertThat(store.claimDue(100, clock.instant(), Duration.ofMinutes(1))).as("only what was admitted waits").hasSize(3);
    }

    @Test
    void a_message_is_stored_pending_and_waits_in_the_outbox() {
        SendOutcome outcome = service.send(text("hello", "key-1"));
        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
            assertThat(accepted.message().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(store.isWaiting(accepted.message().id().get())).isTrue();
        });
    }

    @Test
    void the_same_key_and_request_again_answers_the_first_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", "key-1"));
        SendOutcome again = service.send(text("hello", "key-1"));
        assertThat(again).isEqualTo(new SendOutcome.Repeated(first.message()));
    }

    @Test
    void the_same_key_with_another_request_is_a_conflict_naming_the_first_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", "key-1"));
        SendOutcome other = service.send(text("goodbye", "key-1"));
        assertThat(other).isInstanceOfSatisfying(SendOutcome.IdempotencyConflict.class, conflict -> {
            assertThat(conflict.original()).isEqualTo(first.message().id().get());
            assertThat(conflict.reason()).contains("key-1").contains("different request");
        });
    }

    @Test
    void without_a_key_every_request_is_a_new_message() {
        SendOutcome.Accepted first = (SendOutcome.Accepted) service.send(text("hello", ""));
        SendOutcome.Accepted second = (SendOutcome.Accepted) service.send(text("hello", ""));
        assertThat(second.message().id()).isNotEqualTo(first.message().id());
    }

    @Test
    void a_template_differs_from_the_same_template_with_other_variables() {
        service.send(template(Map.of("1", "Ada"), "key-t"));
        assertThat(service.send(template(Map.of("1", "Grace"), "key-t")))
                .isInstanceOf(SendOutcome.IdempotencyConflict.class);
        assertThat(service.send(template(Map.of("1", "Ada"), "key-t"))).isInstanceOf(SendOutcome.Repeated.class);
    }

    @Test
    void bad_tags_and_keys_are_refused_with_the_field_named() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            tooMany.put("t" + i, "v");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new SendMessageCommand(CALLER, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("x"), tooMany, ""))
                .withMessage("tags: at most 10 tags, was 11");
        assertThatIllegalArgumentException().isThrownBy(() -> new SendMessageCommand(CALLER, Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("x"), Map.of("Bad Key", "v"), ""))
                .withMessageStartingWith("tags: a key must be");
        assertThatIllegalArgumentException().isThrownBy(() -> text("x", "has space"))
                .withMessageStartingWith("Idempotency-Key must be");
    }

    private static SendMessageCommand text(String body, String key) {
        return new SendMessageCommand(CALLER, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text(body), Map.of("campaign", "november"), key);
    }

    private static SendMessageCommand template(Map<String, String> variables, String key) {
        return new SendMessageCommand(CALLER, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Template(ContentSid.of("HX0123456789abcdef0123456789abcdef"), variables), Map.of(),
                key);
    }
}
