package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/** API keys by the hash of their secret; the secret itself is never stored. */
public interface ApiKeyStore {

    /** Stores a key, or answers the id of the one with the same hash already there. */
    long add(OrganizationId organization, String name, String secretHash, String prefix);

    Optional<OrganizationId> findActive(String secretHash);

    /** The active key with this hash and its organization. */
    Optional<ApiCaller> findActiveKey(String secretHash);

    boolean hasActive(OrganizationId organization);

    boolean revoke(OrganizationId organization, long keyId);
}
