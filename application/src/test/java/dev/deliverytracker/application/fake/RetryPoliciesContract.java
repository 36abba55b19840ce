package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every store of retry policies promises ({@link RetryPolicies}), run against
 * {@link InMemoryRetryPolicies} and against PostgreSQL. Durations are kept to the millisecond.
 */
public abstract class RetryPoliciesContract {

    protected abstract RetryPolicies policies();

    protected abstract OrganizationId newOrganization();

    @Test
    void an_organization_without_a_policy_of_its_own_has_none() {
        assertThat(policies().of(newOrganization())).isEmpty();
    }

    @Test
    void a_saved_policy_reads_back_and_a_second_save_replaces_it_for_that_organization_only() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        RetryPolicy first = new RetryPolicy(true, 3, Duration.ofSeconds(30), Duration.ofMinutes(10));
        RetryPolicy second = new RetryPolicy(false, 5, Duration.ofMillis(1500), Duration.ofHours(1));

        policies().save(org, first);
        assertThat(policies().of(org)).contains(first);

        policies().save(org, second);
        assertThat(policies().of(org)).contains(second);
        assertThat(policies().of(other)).isEmpty();
    }
}
