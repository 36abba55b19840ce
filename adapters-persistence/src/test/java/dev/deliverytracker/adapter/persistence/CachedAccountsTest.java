package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every callback and every send looks an account up, so both lookups are cached: a change made
 * through this instance is seen at once, one made elsewhere (another instance) within the cache time.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class CachedAccountsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OrganizationJpaRepository rows;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void a_token_changed_here_is_used_at_once_by_sid_and_by_organization() {
        JpaOrganizations organizations = new JpaOrganizations(rows, clock, TokenCipher.none());
        OrganizationId org = organizations.ensure("cached", new TwilioAccountCredentials(account, "first", ""));
        assertThat(organizations.findByOrganization(org).map(TwilioAccount::currentAuthToken)).contains("first");
        assertThat(organizations.findBySid(account).map(TwilioAccount::currentAuthToken)).contains("first");

        organizations.ensure("cached", new TwilioAccountCredentials(account, "second", "first"));

        assertThat(organizations.findByOrganization(org).map(TwilioAccount::currentAuthToken)).contains("second");
        assertThat(organizations.findBySid(account).map(TwilioAccount::currentAuthToken)).contains("second");
    }

    @Test
    void a_token_changed_by_another_instance_is_used_once_the_cache_time_has_passed() {
        JpaOrganizations here = new JpaOrganizations(rows, clock, TokenCipher.none());
        JpaOrganizations elsewhere = new JpaOrganizations(rows, clock, TokenCipher.none());
        OrganizationId org = here.ensure("shared", new TwilioAccountCredentials(account, "first", ""));
        assertThat(here.findByOrganization(org).map(TwilioAccount::currentAuthToken)).contains("first");
        assertThat(here.findBySid(account).map(TwilioAccount::currentAuthToken)).contains("first");

        elsewhere.ensure("shared", new TwilioAccountCredentials(account, "second", "first"));
        clock.advance(JpaOrganizations.CACHE_TIME.minusSeconds(1));
        assertThat(here.findByOrganization(org).map(TwilioAccount::currentAuthToken)).contains("first");

        clock.advance(JpaOrganizations.CACHE_TIME);
        assertThat(here.findByOrganization(org).map(TwilioAccount::currentAuthToken)).contains("second");
        assertThat(here.findBySid(account).map(TwilioAccount::currentAuthToken)).contains("second");
    }
}
