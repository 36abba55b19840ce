package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys by the hash of their secret; the secret itself is never stored. */
public interface ApiKeyStore {

    /** Stores a key with every scope within its organization and no expiry. */
    default long add(OrganizationId organization, String name, String secretHash, String prefix) {
        return add(organization, name, secretHash, prefix, ApiScope.organizationDefault(), Optional.empty());
    }

    /**
     * Stores a key, or answers the id of the one with the same hash already there (whose scopes and expiry
     * are then set to these, if it is the same organization's).
     */
    long add(OrganizationId organization, String name, String secretHash, String prefix, Set<ApiScope> scopes,
            Optional<Instant> expiresAt);

    Optional<OrganizationId> findActive(String secretHash);

    /** The active key with this hash and its organization. */
    Optional<ApiCaller> findActiveKey(String secretHash);

    /** The key with this hash, revoked or expired ones included: the caller decides (no cache: revocation is immediate). */
    Optional<StoredApiKey> findByHash(String secretHash);

    /** The organization's keys, revoked ones included, newest first. */
    List<StoredApiKey> list(OrganizationId organization);

    /** Notes that the key was used at {@code at} (callers write this at most about once a minute per key). */
    void markUsed(long keyId, Instant at);

    boolean hasActive(OrganizationId organization);

    boolean revoke(OrganizationId organization, long keyId);
}
