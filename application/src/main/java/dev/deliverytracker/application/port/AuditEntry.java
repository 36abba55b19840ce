package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One administrative change: who made it, when, in which organization (none for a platform-wide one),
 * what was done, and the values it changed. Callers put no secret in {@code changes}: a token or key
 * is written as {@code "(changed)"}.
 */
public record AuditEntry(Instant at, String actor, Optional<OrganizationId> organization, String action,
        Map<String, String> changes) {

    public AuditEntry {
        if (at == null || actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs its time, actor and action");
        }
        organization = organization == null ? Optional.empty() : organization;
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
