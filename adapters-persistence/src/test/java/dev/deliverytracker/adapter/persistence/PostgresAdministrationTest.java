package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.AllowedSendersContract;
import dev.deliverytracker.application.fake.AuditTrailContract;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.application.fake.OrganizationDirectoryContract;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Organizations, the audit trail and scoped API keys on PostgreSQL, against the ports' contracts. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresAdministrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OrganizationDirectory directory;

    @Autowired
    AuditTrail trail;

    @Autowired
    ApiKeyStore keys;

    private OrganizationId newOrganization() {
        return directory.create("audited-" + UUID.randomUUID().toString().substring(0, 8), Instant.now()).orElseThrow().id();
    }

    @Nested
    class Directory extends OrganizationDirectoryContract {
        @Override
        protected OrganizationDirectory directory() {
            return directory;
        }
    }

    @Autowired
    AllowedSenders allowedSenders;

    @Nested
    class Senders extends AllowedSendersContract {
        @Override
        protected AllowedSenders senders() {
            return allowedSenders;
        }

        @Override
        protected OrganizationId newOrganization() {
            return PostgresAdministrationTest.this.newOrganization();
        }
    }

    @Nested
    class Trail extends AuditTrailContract {
        @Override
        protected AuditTrail trail() {
            return trail;
        }

        @Override
        protected OrganizationId newOrganization() {
            return PostgresAdministrationTest.this.newOrganization();
        }
    }

    @Autowired
    TwilioAccountRegistry registry;

    @Autowired
    TwilioAccounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void a_registered_account_verifies_callbacks_and_sends_for_its_organization_and_rotates() {
        OrganizationId organization = newOrganization();
        AccountSid sid = DeliveryStoreContract.randomAccount();
        AccountSid parent = DeliveryStoreContract.randomAccount();

        assertThat(registry.register(organization, sid, "first-token", Optional.of(parent), "brand", Instant.now()))
                .isTrue();

        assertThat(registry.ownerOf(sid)).contains(organization);
        assertThat(accounts.findBySid(sid)).hasValueSatisfying(account -> {
            assertThat(account.organization()).isEqualTo(organization);
            assertThat(account.authTokens()).containsExactly("first-token");
        });
        assertThat(accounts.findByOrganization(organization)).map(TwilioAccount::sid).contains(sid);
        assertThat(registry.list(organization)).singleElement().satisfies(account -> {
            assertThat(account.parent()).contains(parent);
            assertThat(account.rotating()).isFalse();
            assertThat(account.configured()).isFalse();
        });

        assertThat(registry.rotate(organization, sid, "second-token")).isTrue();
        assertThat(accounts.findBySid(sid).orElseThrow().authTokens()).containsExactly("second-token", "first-token");
        assertThat(registry.finishRotation(organization, sid)).isTrue();
        assertThat(accounts.findBySid(sid).orElseThrow().authTokens()).containsExactly("second-token");
        assertThat(registry.rotate(newOrganization(), sid, "stolen")).as("another organization's account").isFalse();
    }

    @Test
    void an_account_of_one_organization_is_never_registered_for_another() {
        AccountSid configured = DeliveryStoreContract.randomAccount();
        OrganizationId owner = organizations.ensure("configured " + configured,
                new TwilioAccountCredentials(configured, "token", ""));
        OrganizationId other = newOrganization();

        assertThat(registry.ownerOf(configured)).contains(owner);
        assertThat(registry.register(other, configured, "token", Optional.empty(), "", Instant.now())).isFalse();
        assertThat(registry.list(owner)).singleElement().satisfies(account -> assertThat(account.configured()).isTrue());
        AccountSid registered = DeliveryStoreContract.randomAccount();
        assertThat(registry.register(owner, registered, "t", Optional.empty(), "", Instant.now())).isTrue();
        assertThat(registry.register(other, registered, "t", Optional.empty(), "", Instant.now())).isFalse();
        assertThat(accounts.findByOrganization(owner)).map(TwilioAccount::sid).as("its configured account first")
                .contains(configured);
    }

    @Autowired
    OperatorDirectory operatorDirectory;

    @Autowired
    OperatorAccounts operatorAccounts;

    @Test
    void an_organizations_operators_are_listed_and_a_disabled_one_is_known_as_such() {
        OrganizationId organization = newOrganization();
        String ada = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String bo = "bo-" + UUID.randomUUID().toString().substring(0, 8);
        operatorAccounts.save(new OperatorAccount(ada, "{noop}x", OperatorRole.ADMIN, Set.of(organization)));
        operatorAccounts.save(new OperatorAccount(bo, "{noop}x", OperatorRole.VIEWER, Set.of(organization, newOrganization())));

        assertThat(operatorDirectory.members(organization)).extracting(OperatorAccount::username).containsExactly(ada, bo);
        assertThat(operatorDirectory.setDisabled(bo, true, Instant.now())).isTrue();
        assertThat(operatorDirectory.setDisabled(bo, true, Instant.now())).as("again").isTrue();
        assertThat(operatorDirectory.disabled(Set.of(ada, bo))).containsExactly(bo);
        assertThat(operatorDirectory.setDisabled(bo, false, Instant.now())).isTrue();
        assertThat(operatorDirectory.isDisabled(bo)).isFalse();
        assertThat(operatorDirectory.setDisabled("nobody-" + ada, true, Instant.now())).isFalse();
    }

    @Test
    void a_key_keeps_its_scopes_expiry_and_last_use_and_a_revocation_is_read_at_once() {
        OrganizationId organization = newOrganization();
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        String hash = "hash-" + UUID.randomUUID();
        long id = keys.add(organization, "reporting", hash, "dt_abcdefg", EnumSet.of(ApiScope.READ),
                Optional.of(expiry));
        Instant used = Instant.now().truncatedTo(ChronoUnit.MICROS);

        keys.markUsed(id, used);

        StoredApiKey stored = keys.findByHash(hash).orElseThrow();
        assertThat(stored.scopes()).containsExactly(ApiScope.READ);
        assertThat(stored.expiresAt()).contains(expiry);
        assertThat(stored.lastUsedAt()).contains(used);
        assertThat(keys.list(organization)).containsExactly(stored);
        assertThat(keys.revoke(organization, id)).isTrue();
        assertThat(keys.findByHash(hash).orElseThrow().revokedAt()).isPresent();
        assertThat(keys.findActiveKey(hash)).isEmpty();
    }

    @Test
    void registering_the_same_key_again_sets_its_scopes_but_never_for_another_organization() {
        OrganizationId own = newOrganization();
        OrganizationId other = newOrganization();
        String hash = "hash-" + UUID.randomUUID();
        keys.add(own, "configured", hash, "dt_0123456", ApiScope.organizationDefault(), Optional.empty());

        keys.add(own, "configured", hash, "dt_0123456", EnumSet.allOf(ApiScope.class), Optional.empty());
        keys.add(other, "stolen", hash, "dt_0123456", Set.of(ApiScope.READ), Optional.empty());

        StoredApiKey stored = keys.findByHash(hash).orElseThrow();
        assertThat(stored.organization()).isEqualTo(own);
        assertThat(stored.scopes()).containsExactlyInAnyOrder(ApiScope.values());
    }
}
