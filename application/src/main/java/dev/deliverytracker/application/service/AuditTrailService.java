package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.FindAuditTrail;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;

/** An organization's audit trail to its administrators; the whole of it to platform administrators. */
public final class AuditTrailService implements FindAuditTrail {

    private final AuditTrail trail;

    public AuditTrailService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public AdminOutcome<List<AuditEntry>> find(Actor actor, Optional<OrganizationId> organization, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be 1 to 1000, was " + limit);
        }
        if (organization.isEmpty()) {
            Optional<AdminOutcome<List<AuditEntry>>> refused = AccessPolicy.platformOnly(actor);
            return refused.orElseGet(() -> AdminOutcome.done(trail.all(limit)));
        }
        Optional<AdminOutcome<List<AuditEntry>>> refused = AccessPolicy.check(actor, organization.get(), Need.MANAGE,
                "organization " + organization.get());
        return refused.orElseGet(() -> AdminOutcome.done(trail.of(organization.get(), limit)));
    }
}
