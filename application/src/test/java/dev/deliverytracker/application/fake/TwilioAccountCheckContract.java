package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.application.port.out.TwilioAccountCheck.CheckResult;
import dev.deliverytracker.domain.AccountSid;
import org.junit.jupiter.api.Test;

/**
 * What every check of Twilio credentials promises ({@link TwilioAccountCheck}), run against
 * {@link ScriptedAccountCheck} and twilio-java against the Twilio simulator. Each implementation brings
 * one main account Twilio knows, can add subaccounts to it, and can be cut off from Twilio.
 */
public abstract class TwilioAccountCheckContract {

    protected abstract TwilioAccountCheck check();

    protected abstract AccountSid mainAccount();

    protected abstract String mainToken();

    protected abstract void addSubaccount(AccountSid parent, AccountSid sid, String token);

    /** From now on {@link #check()} cannot reach Twilio. */
    protected abstract void cutOff();

    @Test
    void the_right_token_verifies_a_main_account_which_owns_itself() {
        CheckResult result = check().check(mainAccount(), mainToken());

        assertThat(result).isInstanceOfSatisfying(CheckResult.Verified.class, verified -> {
            assertThat(verified.sid()).isEqualTo(mainAccount());
            assertThat(verified.owner()).isEqualTo(mainAccount());
            assertThat(verified.isSubaccount()).isFalse();
            assertThat(verified.status()).isEqualTo("active");
            assertThat(verified.toString()).as("Twilio's copy of the token").doesNotContain(mainToken());
        });
    }

    @Test
    void a_subaccount_verifies_with_its_own_token_and_names_its_parent() {
        AccountSid sub = DeliveryStoreContract.randomAccount();
        addSubaccount(mainAccount(), sub, "subaccount-token-0001");

        CheckResult result = check().check(sub, "subaccount-token-0001");

        assertThat(result).isInstanceOfSatisfying(CheckResult.Verified.class, verified -> {
            assertThat(verified.sid()).isEqualTo(sub);
            assertThat(verified.owner()).isEqualTo(mainAccount());
            assertThat(verified.isSubaccount()).isTrue();
        });
    }

    @Test
    void a_wrong_token_is_refused_with_twilios_20003() {
        assertThat(check().check(mainAccount(), "not-the-token")).isInstanceOfSatisfying(CheckResult.Refused.class,
                refused -> assertThat(refused.twilioCode()).isEqualTo(20003));
    }

    @Test
    void a_missing_or_blank_token_is_refused() {
        assertThat(check().check(mainAccount(), "")).isInstanceOf(CheckResult.Refused.class);
        assertThat(check().check(mainAccount(), "  ")).isInstanceOf(CheckResult.Refused.class);
        assertThat(check().check(mainAccount(), null)).isInstanceOf(CheckResult.Refused.class);
    }

    @Test
    void an_account_twilio_does_not_know_is_refused() {
        assertThat(check().check(DeliveryStoreContract.randomAccount(), mainToken()))
                .isInstanceOf(CheckResult.Refused.class);
    }

    @Test
    void twilio_out_of_reach_is_unreachable_not_refused() {
        cutOff();

        assertThat(check().check(mainAccount(), mainToken())).isInstanceOf(CheckResult.Unreachable.class);
    }
}
