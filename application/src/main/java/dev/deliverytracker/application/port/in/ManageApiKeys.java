package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The API keys internal services authenticate with. Only a hash of each key is ever stored. */
public interface ManageApiKeys {

    /** A new key with every scope within the organization; the secret is in the answer and nowhere else. */
    IssuedApiKey issue(OrganizationId organization, String name);

    /**
     * A new key issued by {@code actor} (an administrator of the organization, or a platform administrator,
     * who alone may give the scope {@code platform}); the secret is in the answer and nowhere else.
     */
    AdminOutcome<IssuedApiKey> issue(Actor actor, IssueApiKey command);

    /** Makes sure {@code secret} is a key of the organization (a key given by configuration). */
    void register(OrganizationId organization, String name, String secret);

    /** The same, with these scopes (the configured first key of {@code default} carries {@code platform}). */
    void register(OrganizationId organization, String name, String secret, Set<ApiScope> scopes);

    boolean hasKeys(OrganizationId organization);

    /** The key, its organization and scopes, for a valid, unexpired, unrevoked key; notes when it was used. */
    Optional<ApiCaller> identify(String presentedSecret);

    /** Revokes a key of this organization; answers false if it has no such key. */
    boolean revoke(OrganizationId organization, long keyId);

    /** Revokes a key for {@code actor}: at once on every instance, since keys are never cached. */
    AdminOutcome<Long> revoke(Actor actor, OrganizationId organization, long keyId);

    /** The organization's keys by prefix, with scopes, expiry and last use; never a secret. */
    AdminOutcome<List<StoredApiKey>> list(Actor actor, OrganizationId organization);

    /** What to issue: a name, scopes (none given: send, read and manage), an optional expiry. */
    record IssueApiKey(OrganizationId organization, String name, Set<ApiScope> scopes, Optional<Instant> expiresAt) {
        public IssueApiKey {
            if (organization == null) {
                throw new IllegalArgumentException("organization: a key belongs to an organization");
            }
            scopes = scopes == null || scopes.isEmpty() ? ApiScope.organizationDefault() : Set.copyOf(scopes);
            expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        }
    }

    record IssuedApiKey(long keyId, String name, String secret, String prefix, Set<ApiScope> scopes,
            Optional<Instant> expiresAt) {

        public IssuedApiKey(long keyId, String name, String secret, String prefix) {
            this(keyId, name, secret, prefix, ApiScope.organizationDefault(), Optional.empty());
        }

        @Override
        public String toString() {
            return "IssuedApiKey[keyId=" + keyId + ", name=" + name + ", prefix=" + prefix + ", secret hidden]";
        }
    }
}
