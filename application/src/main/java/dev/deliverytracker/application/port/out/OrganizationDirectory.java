package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The organizations as administrators see them: names, enabled or not. */
public interface OrganizationDirectory {

    /**
     * A new, enabled organization with no Twilio account yet; empty when an organization created this
     * way has the name already (regardless of case), e.g. created at the same moment by another instance.
     */
    Optional<Organization> create(String name, Instant at);

    Optional<Organization> find(OrganizationId organization);

    /** The organization with this name, ignoring case. */
    Optional<Organization> findByName(String name);

    /** All of them, by name. */
    List<Organization> list();

    /** Writes the name and the enabled flag; seen by every instance at once (sends ask each time). */
    void save(Organization organization);
}
