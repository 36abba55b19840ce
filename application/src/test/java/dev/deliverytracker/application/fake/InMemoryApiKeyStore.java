package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, StoredApiKey> byHash = new LinkedHashMap<>();

    @Override
    public synchronized long add(OrganizationId organization, String name, String secretHash, String prefix,
            Set<ApiScope> scopes, Optional<Instant> expiresAt) {
        StoredApiKey existing = byHash.get(secretHash);
        if (existing != null) {
            if (existing.organization().equals(organization)) {
                byHash.put(secretHash, new StoredApiKey(existing.id(), organization, existing.name(), existing.prefix(),
                        scopes, existing.createdAt(), expiresAt, existing.lastUsedAt(), existing.revokedAt()));
            }
            return existing.id();
        }
        StoredApiKey key = new StoredApiKey(byHash.size() + 1L, organization, name, prefix, scopes, Instant.now(),
                expiresAt, Optional.empty(), Optional.empty());
        byHash.put(secretHash, key);
        return key.id();
    }

    @Override
    public synchronized Optional<OrganizationId> findActive(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash)).filter(key -> key.revokedAt().isEmpty())
                .map(StoredApiKey::organization);
    }

    @Override
    public synchronized Optional<ApiCaller> findActiveKey(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash)).filter(key -> key.revokedAt().isEmpty())
                .map(StoredApiKey::caller);
    }

    @Override
    public synchronized Optional<StoredApiKey> findByHash(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash));
    }

    @Override
    public synchronized List<StoredApiKey> list(OrganizationId organization) {
        return byHash.values().stream().filter(key -> key.organization().equals(organization))
                .sorted(Comparator.comparingLong(StoredApiKey::id).reversed()).toList();
    }

    @Override
    public synchronized void markUsed(long keyId, Instant at) {
        byHash.replaceAll((hash, key) -> key.id() != keyId ? key : new StoredApiKey(key.id(), key.organization(),
                key.name(), key.prefix(), key.scopes(), key.createdAt(), key.expiresAt(), Optional.of(at),
                key.revokedAt()));
    }

    @Override
    public synchronized boolean hasActive(OrganizationId organization) {
        return byHash.values().stream().anyMatch(key -> key.organization().equals(organization)
                && key.revokedAt().isEmpty());
    }

    @Override
    public synchronized boolean revoke(OrganizationId organization, long keyId) {
        for (Map.Entry<String, StoredApiKey> entry : byHash.entrySet()) {
            StoredApiKey key = entry.getValue();
            if (key.id() == keyId && key.organization().equals(organization) && key.revokedAt().isEmpty()) {
                entry.setValue(new StoredApiKey(key.id(), organization, key.name(), key.prefix(), key.scopes(),
                        key.createdAt(), key.expiresAt(), key.lastUsedAt(), Optional.of(Instant.now())));
                return true;
            }
        }
        return false;
    }
}
