package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;

public interface ManageRetryPolicy {

    /** The organization's policy, or the defaults when it never set one. */
    RetryPolicy policyOf(Actor actor, OrganizationId organization);

    /** Needs the right to manage the organization ({@link AccessRefused} otherwise). */
    void set(Actor actor, OrganizationId organization, RetryPolicy policy);
}
