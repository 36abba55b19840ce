package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;

/** What an organization wants done with callbacks for messages other applications send on its accounts. */
public interface ManageAdoption {

    /** The organization's policy; {@link AdoptionPolicy#ADOPT} unless it chose another. */
    AdoptionPolicy policyOf(Actor actor, OrganizationId organization);

    void set(Actor actor, OrganizationId organization, AdoptionPolicy policy);
}
