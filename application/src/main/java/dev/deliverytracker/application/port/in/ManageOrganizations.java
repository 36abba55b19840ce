package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/**
 * Organizations while the service runs. Creating, disabling and enabling them is the platform
 * administrator's; an organization's own administrators may rename it; its members read it. An actor
 * of another organization gets {@link AdminOutcome.NotFound}, never a hint that it exists.
 *
 * @throws IllegalArgumentException from any method for a malformed value, naming the field
 */
public interface ManageOrganizations {

    AdminOutcome<Organization> create(Actor actor, String name);

    AdminOutcome<Organization> rename(Actor actor, OrganizationId organization, String name);

    /** Refuses the organization's sends from now on; callbacks are still recorded, history stays readable. */
    AdminOutcome<Organization> disable(Actor actor, OrganizationId organization);

    AdminOutcome<Organization> enable(Actor actor, OrganizationId organization);

    /** Every organization for a platform administrator; otherwise only the actor's own. */
    List<Organization> list(Actor actor);

    AdminOutcome<OrganizationLimits> find(Actor actor, OrganizationId organization);
}
