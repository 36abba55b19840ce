package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;

/** What an organization wants done with callbacks for messages other applications send on its accounts. */
public interface ManageAdoption {

    /** The organization's policy; {@link AdoptionPolicy#ADOPT} unless it chose another. */
    AdoptionPolicy policyOf(OrganizationId organization);

    void set(OrganizationId organization, AdoptionPolicy policy);
}
