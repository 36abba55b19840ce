package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;

class InMemoryRetryPoliciesTest extends RetryPoliciesContract {

    private final InMemoryRetryPolicies policies = new InMemoryRetryPolicies();
    private final AtomicLong organizations = new AtomicLong();

    @Override
    protected RetryPolicies policies() {
        return policies;
    }

    @Override
    protected OrganizationId newOrganization() {
        return OrganizationId.of(organizations.incrementAndGet());
    }
}
