package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Keys are 32 random bytes, prefixed {@code dt_} so a leaked one is recognisable in a scan. A plain
 * SHA-256 is enough to store them: they are long random secrets, not passwords a dictionary finds.
 */
public final class ApiKeyService implements ManageApiKeys {

    private static final String PREFIX = "dt_";
    private static final int MIN_SECRET_LENGTH = 24;

    private final ApiKeyStore store;
    private final SecureRandom random;

    public ApiKeyService(ApiKeyStore store, SecureRandom random) {
        this.store = store;
        this.random = random;
    }

    @Override
    public IssuedApiKey issue(OrganizationId organization, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store.add(organization, requireName(name), RequestFingerprint.sha256(secret), prefixOf(secret));
        return new IssuedApiKey(id, name, secret, prefixOf(secret));
    }

    @Override
    public void register(OrganizationId organization, String name, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("an API key must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        String hash = RequestFingerprint.sha256(secret);
        Optional<OrganizationId> owner = store.findActive(hash);
        if (owner.isPresent() && !owner.get().equals(organization)) {
            throw new IllegalArgumentException("this API key already belongs to another organization");
        }
        store.add(organization, requireName(name), hash, prefixOf(secret));
    }

    @Override
    public boolean hasKeys(OrganizationId organization) {
        return store.hasActive(organization);
    }

    @Override
    public Optional<ApiCaller> identify(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.length() < MIN_SECRET_LENGTH || presentedSecret.length() > 200) {
            return Optional.empty();
        }
        return store.findActiveKey(RequestFingerprint.sha256(presentedSecret));
    }

    @Override
    public boolean revoke(OrganizationId organization, long keyId) {
        return store.revoke(organization, keyId);
    }

    private static String prefixOf(String secret) {
        return secret.substring(0, Math.min(10, secret.length()));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: an API key needs a name of 1 to 100 characters");
        }
        return name;
    }
}
