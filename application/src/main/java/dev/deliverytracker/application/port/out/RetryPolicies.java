package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.util.Optional;

public interface RetryPolicies {

    Optional<RetryPolicy> of(OrganizationId organization);

    void save(OrganizationId organization, RetryPolicy policy);
}
