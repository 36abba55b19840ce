package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;

/** The administrative changes, newest first: an organization's to its members, all of them to the platform. */
public interface FindAuditTrail {

    /**
     * {@code organization} empty: every entry, for a platform administrator only (others get
     * {@link AdminOutcome.Forbidden}). At most {@code limit} entries (1 to 1000).
     */
    AdminOutcome<List<AuditEntry>> find(Actor actor, Optional<OrganizationId> organization, int limit);
}
