package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import org.junit.jupiter.api.Test;

/**
 * What every store of organizations and their Twilio accounts promises ({@link Organizations} to set
 * them up, {@link TwilioAccounts} to look them up), run against {@link InMemoryTwilioAccounts} and
 * against PostgreSQL. Each test uses account SIDs of its own.
 */
public abstract class TwilioAccountsContract {

    protected abstract Organizations organizations();

    protected abstract TwilioAccounts accounts();

    @Test
    void an_ensured_account_is_found_by_its_sid_and_by_its_organization() {
        AccountSid sid = DeliveryStoreContract.randomAccount();

        OrganizationId org = organizations().ensure("acme", new TwilioAccountCredentials(sid, "token-1", ""));

        TwilioAccount account = accounts().findBySid(sid).orElseThrow();
        assertThat(account.organization()).isEqualTo(org);
        assertThat(account.sid()).isEqualTo(sid);
        assertThat(account.authTokens()).containsExactly("token-1");
        assertThat(account.defaultSender()).isEqualTo(Sender.organizationDefault());
        assertThat(account.adoption()).isEqualTo(AdoptionPolicy.ADOPT);
        assertThat(accounts().findByOrganization(org)).contains(account);
    }

    @Test
    void an_unknown_sid_or_organization_finds_nothing() {
        assertThat(accounts().findBySid(DeliveryStoreContract.randomAccount())).isEmpty();
        assertThat(accounts().findByOrganization(OrganizationId.of(Long.MAX_VALUE - 7))).isEmpty();
    }

    @Test
    void ensuring_the_same_sid_again_keeps_the_organization_and_replaces_its_tokens_current_first() {
        AccountSid sid = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations().ensure("acme", new TwilioAccountCredentials(sid, "old", ""));
        organizations().defaultSender(org, new Sender.Number(Address.sms("+15005550006")));

        OrganizationId again = organizations().ensure("acme", new TwilioAccountCredentials(sid, "new", "old"));

        assertThat(again).isEqualTo(org);
        TwilioAccount account = accounts().findBySid(sid).orElseThrow();
        assertThat(account.authTokens()).containsExactly("new", "old");
        assertThat(account.currentAuthToken()).isEqualTo("new");
        assertThat(account.defaultSender()).as("kept across a rotation")
                .isEqualTo(new Sender.Number(Address.sms("+15005550006")));

        organizations().ensure("acme", new TwilioAccountCredentials(sid, "newer", ""));
        assertThat(accounts().findBySid(sid).orElseThrow().authTokens()).containsExactly("newer");
    }

    @Test
    void two_accounts_are_two_organizations() {
        OrganizationId one = organizations().ensure("one",
                new TwilioAccountCredentials(DeliveryStoreContract.randomAccount(), "t", ""));
        OrganizationId two = organizations().ensure("two",
                new TwilioAccountCredentials(DeliveryStoreContract.randomAccount(), "t", ""));

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void a_default_number_is_kept_without_its_channel_since_dispatch_gives_it_the_messages() {
        AccountSid sid = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations().ensure("acme", new TwilioAccountCredentials(sid, "t", ""));

        organizations().defaultSender(org, new Sender.Number(Address.whatsapp("+14155238886")));

        assertThat(accounts().findBySid(sid).orElseThrow().defaultSender())
                .isEqualTo(new Sender.Number(Address.sms("+14155238886")));
    }

    @Test
    void every_kind_of_default_sender_reads_back_as_it_was_set() {
        AccountSid sid = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations().ensure("acme", new TwilioAccountCredentials(sid, "t", ""));

        for (Sender sender : new Sender[] {
                new Sender.Number(Address.sms("+15005550006")),
                new Sender.Service(MessagingServiceSid.of("MG" + "a".repeat(32))),
                Sender.organizationDefault()}) {
            organizations().defaultSender(org, sender);

            assertThat(accounts().findBySid(sid).orElseThrow().defaultSender()).isEqualTo(sender);
            assertThat(accounts().findByOrganization(org).orElseThrow().defaultSender()).isEqualTo(sender);
        }
    }

    @Test
    void the_adoption_policy_reads_back_as_it_was_set() {
        AccountSid sid = DeliveryStoreContract.randomAccount();
        OrganizationId org = organizations().ensure("acme", new TwilioAccountCredentials(sid, "t", ""));

        for (AdoptionPolicy policy : AdoptionPolicy.values()) {
            organizations().adoption(org, policy);

            assertThat(accounts().findBySid(sid).orElseThrow().adoption()).isEqualTo(policy);
        }
    }

    @Test
    void settings_of_an_organization_that_does_not_exist_are_refused() {
        OrganizationId nobody = OrganizationId.of(Long.MAX_VALUE - 7);

        assertThatThrownBy(() -> organizations().defaultSender(nobody, Sender.organizationDefault()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> organizations().adoption(nobody, AdoptionPolicy.REFUSE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
