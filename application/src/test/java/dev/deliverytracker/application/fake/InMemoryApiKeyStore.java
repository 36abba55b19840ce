package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.OrganizationId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryApiKeyStore implements ApiKeyStore {

    private record Key(long id, OrganizationId organization, String hash, boolean revoked) {
    }

    private final Map<String, Key> byHash = new LinkedHashMap<>();

    @Override
    public synchronized long add(OrganizationId organization, String name, String secretHash, String prefix) {
        return byHash.computeIfAbsent(secretHash, hash -> new Key(byHash.size() + 1L, organization, hash, false)).id();
    }

    @Override
    public synchronized Optional<OrganizationId> findActive(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash)).filter(key -> !key.revoked()).map(Key::organization);
    }

    @Override
    public synchronized Optional<ApiCaller> findActiveKey(String secretHash) {
        return Optional.ofNullable(byHash.get(secretHash)).filter(key -> !key.revoked())
                .map(key -> new ApiCaller(key.id(), key.organization()));
    }

    @Override
    public synchronized boolean hasActive(OrganizationId organization) {
        return byHash.values().stream().anyMatch(key -> key.organization().equals(organization) && !key.revoked());
    }

    @Override
    public synchronized boolean revoke(OrganizationId organization, long keyId) {
        for (Key key : byHash.values()) {
            if (key.id() == keyId && key.organization().equals(organization) && !key.revoked()) {
                byHash.put(key.hash(), new Key(key.id(), organization, key.hash(), true));
                return true;
            }
        }
        return false;
    }
}
