package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;

public interface ManageRetryPolicy {

    /** The organization's policy, or the defaults when it never set one. */
    RetryPolicy policyOf(OrganizationId organization);

    void set(OrganizationId organization, RetryPolicy policy);
}
