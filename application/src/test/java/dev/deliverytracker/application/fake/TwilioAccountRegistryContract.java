package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every registry of Twilio accounts promises ({@link TwilioAccountRegistry}), run against
 * {@link InMemoryTwilioAccountRegistry} and PostgreSQL. The port never reads a token back, so each
 * implementation shows through {@link #tokensOf} which tokens verify an account's callbacks now.
 */
public abstract class TwilioAccountRegistryContract {

    private static final Instant MORNING = Instant.parse("2026-03-01T08:00:00Z");

    protected abstract TwilioAccountRegistry registry();

    protected abstract OrganizationId newOrganization();

    /** A new organization whose account {@code sid} comes from the settings, not from the registry. */
    protected abstract OrganizationId organizationConfiguredWith(AccountSid sid);

    /** The tokens that verify the account's callbacks, current first. */
    protected abstract List<String> tokensOf(AccountSid sid);

    @Test
    void a_registered_account_belongs_to_its_organization_and_lists_without_its_token() {
        OrganizationId org = newOrganization();
        AccountSid sid = DeliveryStoreContract.randomAccount();
        AccountSid parent = DeliveryStoreContract.randomAccount();

        assertThat(registry().register(org, sid, "first-token", Optional.of(parent), "brand", MORNING)).isTrue();

        assertThat(registry().ownerOf(sid)).contains(org);
        assertThat(registry().list(org)).containsExactly(
                new RegisteredAccount(sid, org, Optional.of(parent), "brand", false, false, MORNING));
        assertThat(tokensOf(sid)).containsExactly("first-token");
        assertThat(registry().list(newOrganization())).isEmpty();
        assertThat(registry().ownerOf(DeliveryStoreContract.randomAccount())).isEmpty();
    }

    @Test
    void an_account_belongs_to_one_organization_and_registering_it_again_changes_nothing() {
        OrganizationId first = newOrganization();
        OrganizationId second = newOrganization();
        AccountSid sid = DeliveryStoreContract.randomAccount();
        registry().register(first, sid, "first-token", Optional.empty(), "first", MORNING);

        assertThat(registry().register(second, sid, "stolen", Optional.empty(), "second", MORNING)).isFalse();
        assertThat(registry().register(first, sid, "again", Optional.empty(), "again", MORNING)).isFalse();

        assertThat(registry().ownerOf(sid)).contains(first);
        assertThat(registry().list(second)).isEmpty();
        assertThat(registry().list(first)).extracting(RegisteredAccount::friendlyName).containsExactly("first");
        assertThat(tokensOf(sid)).containsExactly("first-token");
    }

    @Test
    void an_account_from_the_settings_belongs_to_its_organization_and_cannot_be_registered() {
        AccountSid sid = DeliveryStoreContract.randomAccount();
        OrganizationId configured = organizationConfiguredWith(sid);

        assertThat(registry().ownerOf(sid)).contains(configured);
        assertThat(registry().register(newOrganization(), sid, "token", Optional.empty(), "taken", MORNING)).isFalse();
        assertThat(registry().register(configured, sid, "token", Optional.empty(), "again", MORNING)).isFalse();
        assertThat(registry().list(configured)).singleElement().satisfies(account -> {
            assertThat(account.sid()).isEqualTo(sid);
            assertThat(account.organization()).isEqualTo(configured);
            assertThat(account.configured()).isTrue();
            assertThat(account.parent()).isEmpty();
            assertThat(account.rotating()).isFalse();
        });
        assertThat(registry().rotate(configured, sid, "new")).as("settings rotate the settings' token").isFalse();
    }

    @Test
    void the_account_from_the_settings_lists_first_then_registered_ones_oldest_first() {
        AccountSid configured = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizationConfiguredWith(configured);
        AccountSid later = DeliveryStoreContract.randomAccount();
        AccountSid earlier = DeliveryStoreContract.randomAccount();

        registry().register(org, later, "t1", Optional.empty(), "later", MORNING.plusSeconds(3600));
        registry().register(org, earlier, "t2", Optional.empty(), "earlier", MORNING);

        assertThat(registry().list(org)).extracting(RegisteredAccount::sid).containsExactly(configured, earlier, later);
    }

    @Test
    void a_rotation_verifies_both_tokens_until_it_is_finished() {
        OrganizationId org = newOrganization();
        AccountSid sid = DeliveryStoreContract.randomAccount();
        registry().register(org, sid, "old", Optional.empty(), "brand", MORNING);

        assertThat(registry().rotate(org, sid, "new")).isTrue();
        assertThat(tokensOf(sid)).containsExactly("new", "old");
        assertThat(registry().list(org)).singleElement().extracting(RegisteredAccount::rotating).isEqualTo(true);

        assertThat(registry().finishRotation(org, sid)).isTrue();
        assertThat(tokensOf(sid)).containsExactly("new");
        assertThat(registry().list(org)).singleElement().extracting(RegisteredAccount::rotating).isEqualTo(false);
    }

    @Test
    void only_the_owning_organization_rotates_an_account() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        AccountSid sid = DeliveryStoreContract.randomAccount();
        registry().register(org, sid, "old", Optional.empty(), "brand", MORNING);

        assertThat(registry().rotate(other, sid, "hijack")).isFalse();
        assertThat(registry().finishRotation(other, sid)).isFalse();
        assertThat(registry().rotate(org, DeliveryStoreContract.randomAccount(), "new")).as("unknown").isFalse();

        assertThat(tokensOf(sid)).containsExactly("old");
    }
}
