package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A key as stored: its prefix to tell it apart, never its secret or hash. */
public record StoredApiKey(long id, OrganizationId organization, String name, String prefix, Set<ApiScope> scopes,
        Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public StoredApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** Not revoked and not past its expiry at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    public ApiCaller caller() {
        return new ApiCaller(id, organization, scopes);
    }
}
