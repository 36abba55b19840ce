package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryRetryPolicies implements RetryPolicies {

    private final Map<OrganizationId, RetryPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public Optional<RetryPolicy> of(OrganizationId organization) {
        return Optional.ofNullable(policies.get(organization));
    }

    @Override
    public void save(OrganizationId organization, RetryPolicy policy) {
        policies.put(organization, policy);
    }
}
