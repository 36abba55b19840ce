package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/** The API keys internal services authenticate with. Only a hash of each key is ever stored. */
public interface ManageApiKeys {

    /** A new key; the secret is in the answer and nowhere else. */
    IssuedApiKey issue(OrganizationId organization, String name);

    /** Makes sure {@code secret} is a key of the organization (a key given by configuration). */
    void register(OrganizationId organization, String name, String secret);

    boolean hasKeys(OrganizationId organization);

    /** The key and its organization, for a valid key; a send budget is kept per key. */
    Optional<ApiCaller> identify(String presentedSecret);

    /** Revokes a key of this organization; answers false if it has no such key. */
    boolean revoke(OrganizationId organization, long keyId);

    record IssuedApiKey(long keyId, String name, String secret, String prefix) {
        @Override
        public String toString() {
            return "IssuedApiKey[keyId=" + keyId + ", name=" + name + ", prefix=" + prefix + ", secret hidden]";
        }
    }
}
