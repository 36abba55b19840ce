package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryApiKeyStore;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssuedApiKey;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import dev.deliverytracker.application.fake.InMemoryAuditTrail;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssueApiKey;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.domain.ApiScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final ApiKeyService managed = new ApiKeyService(store, new SecureRandom(), clock, audit);

    private static Actor adminOf(OrganizationId organization) {
        return Actor.key(new ApiCaller(100, organization, Set.of(ApiScope.MANAGE)));
    }

    @Test
    void a_key_carries_its_scopes_and_expiry_and_stops_working_when_it_expires() {
        IssuedApiKey key = ((AdminOutcome.Done<IssuedApiKey>) managed.issue(adminOf(OrganizationId.of(3)),
                new IssueApiKey(OrganizationId.of(3), "reporting", Set.of(ApiScope.READ),
                        Optional.of(clock.instant().plus(Duration.ofHours(1)))))).value();

        assertThat(managed.identify(key.secret())).map(ApiCaller::scopes).contains(Set.of(ApiScope.READ));
        clock.advance(Duration.ofHours(1));
        assertThat(managed.identify(key.secret())).as("expired").isEmpty();
    }

    @Test
    void a_key_is_listed_by_prefix_with_its_last_use_and_never_its_secret() {
        IssuedApiKey key = ((AdminOutcome.Done<IssuedApiKey>) managed.issue(adminOf(OrganizationId.of(3)),
                new IssueApiKey(OrganizationId.of(3), "billing", Set.of(), Optional.empty()))).value();
        managed.identify(key.secret());

        List<StoredApiKey> listed = ((AdminOutcome.Done<List<StoredApiKey>>) managed.list(adminOf(OrganizationId.of(3)),
                OrganizationId.of(3))).value();

        assertThat(listed).singleElement().satisfies(stored -> {
            assertThat(stored.prefix()).isEqualTo(key.prefix()).hasSize(10);
            assertThat(stored.scopes()).isEqualTo(ApiScope.organizationDefault());
            assertThat(stored.lastUsedAt()).contains(clock.instant());
            assertThat(stored.toString()).doesNotContain(key.secret());
        });
        assertThat(audit.all(10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("api-key.issued");
            assertThat(entry.changes().toString()).doesNotContain(key.secret());
        });
    }

    @Test
    void the_last_use_is_written_about_once_a_minute_not_at_every_request() {
        IssuedApiKey key = managed.issue(OrganizationId.of(3), "busy");
        managed.identify(key.secret());
        clock.advance(Duration.ofSeconds(30));
        managed.identify(key.secret());
        assertThat(store.list(OrganizationId.of(3)).get(0).lastUsedAt()).contains(clock.instant().minusSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        managed.identify(key.secret());
        assertThat(store.list(OrganizationId.of(3)).get(0).lastUsedAt()).contains(clock.instant());
    }

    @Test
    void another_organizations_key_can_neither_issue_list_nor_revoke_and_only_the_platform_gives_platform() {
        IssuedApiKey north = managed.issue(OrganizationId.of(3), "north");
        Actor south = adminOf(OrganizationId.of(4));

        assertThat(managed.issue(south, new IssueApiKey(OrganizationId.of(3), "x", Set.of(), Optional.empty())))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(managed.list(south, OrganizationId.of(3))).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(managed.revoke(south, OrganizationId.of(3), north.keyId())).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(managed.revoke(south, OrganizationId.of(4), north.keyId())).as("its own organization has no such key")
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(managed.identify(north.secret())).isPresent();
        assertThat(managed.issue(south, new IssueApiKey(OrganizationId.of(4), "root", Set.of(ApiScope.PLATFORM),
                Optional.empty()))).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(managed.issue(new Actor.Configuration("test"), new IssueApiKey(OrganizationId.of(4), "root",
                Set.of(ApiScope.PLATFORM), Optional.empty()))).isInstanceOf(AdminOutcome.Done.class);
        assertThat(store.list(OrganizationId.of(3))).hasSize(1);
    }

    @Test
    void a_revoked_key_is_refused_at_the_next_request() {
        IssuedApiKey key = managed.issue(OrganizationId.of(3), "leaked");
        assertThat(managed.identify(key.secret())).isPresent();

        assertThat(managed.revoke(adminOf(OrganizationId.of(3)), OrganizationId.of(3), key.keyId()))
                .isEqualTo(AdminOutcome.done(key.keyId()));

        assertThat(managed.identify(key.secret())).isEmpty();
        assertThat(audit.all(10)).extracting(entry -> entry.action()).containsExactly("api-key.revoked");
    }

    @Test
    void an_expiry_in_the_past_is_refused_naming_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managed.issue(adminOf(OrganizationId.of(3)),
                new IssueApiKey(OrganizationId.of(3), "old", Set.of(), Optional.of(clock.instant()))))
                .hasMessageStartingWith("expiresAt: ");
    }
}
