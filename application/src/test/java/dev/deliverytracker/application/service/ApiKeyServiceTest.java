package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryApiKeyStore;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssuedApiKey;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), new SecureRandom());

    @Test
    void an_issued_key_authenticates_its_organization() {
        IssuedApiKey key = keys.issue(OrganizationId.of(3), "billing service");
        assertThat(key.secret()).startsWith("dt_").hasSizeGreaterThan(40);
        assertThat(keys.identify(key.secret())).map(ApiCaller::organization).contains(OrganizationId.of(3));
        assertThat(key.toString()).doesNotContain(key.secret());
    }

    @Test
    void an_unknown_or_revoked_key_authenticates_nobody() {
        IssuedApiKey key = keys.issue(OrganizationId.of(3), "billing service");
        assertThat(keys.identify(key.secret() + "x")).map(ApiCaller::organization).isEmpty();
        assertThat(keys.revoke(OrganizationId.of(4), key.keyId())).as("another organization's key").isFalse();
        assertThat(keys.revoke(OrganizationId.of(3), key.keyId())).isTrue();
        assertThat(keys.identify(key.secret())).map(ApiCaller::organization).isEmpty();
    }

    @Test
    void a_configured_key_is_registered_once() {
        keys.register(OrganizationId.of(3), "configured", "a-configured-secret-of-enough-length");
        keys.register(OrganizationId.of(3), "configured", "a-configured-secret-of-enough-length");
        assertThat(keys.identify("a-configured-secret-of-enough-length")).map(ApiCaller::organization).contains(OrganizationId.of(3));
        assertThat(keys.hasKeys(OrganizationId.of(3))).isTrue();
    }
}
