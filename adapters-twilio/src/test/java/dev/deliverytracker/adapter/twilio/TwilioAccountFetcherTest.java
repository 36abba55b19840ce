package dev.deliverytracker.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.TwilioAccountCheck.CheckResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** twilio-java's Accounts fetcher against the simulator, which answers the Accounts resource as Twilio does. */
class TwilioAccountFetcherTest {

    private static final AccountSid SUBACCOUNT = AccountSid.of("AC5ub0000000000000000000000000000a".replace("5ub", "500"));

    private TwilioSimulator simulator;
    private TwilioAccountFetcher fetcher;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        fetcher = new TwilioAccountFetcher(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void the_right_token_verifies_a_main_account() {
        CheckResult result = fetcher.check(AccountSid.of(simulator.accountSid()), simulator.authToken());

        assertThat(result).isInstanceOfSatisfying(CheckResult.Verified.class, verified -> {
            assertThat(verified.isSubaccount()).isFalse();
            assertThat(verified.status()).isEqualTo("active");
            assertThat(verified.toString()).doesNotContain(simulator.authToken());
        });
    }

    @Test
    void a_subaccount_verifies_with_its_own_token_and_names_its_parent() {
        simulator.registerSubaccount(simulator.accountSid(), SUBACCOUNT.value(), "subaccount-token-0001");

        CheckResult result = fetcher.check(SUBACCOUNT, "subaccount-token-0001");

        assertThat(result).isInstanceOfSatisfying(CheckResult.Verified.class, verified -> {
            assertThat(verified.isSubaccount()).isTrue();
            assertThat(verified.owner()).isEqualTo(AccountSid.of(simulator.accountSid()));
        });
    }

    @Test
    void a_wrong_token_is_refused_with_twilios_20003() {
        assertThat(fetcher.check(AccountSid.of(simulator.accountSid()), "not-the-token"))
                .isEqualTo(new CheckResult.Refused(20003, "Twilio refused the account SID and auth token (401)"));
        assertThat(fetcher.check(SUBACCOUNT, "whatever")).as("an account Twilio does not know")
                .isInstanceOf(CheckResult.Refused.class);
    }

    @Test
    void twilio_out_of_reach_is_unreachable_not_refused() {
        assertThat(new TwilioAccountFetcher(URI.create("http://127.0.0.1:9")).check(
                AccountSid.of(simulator.accountSid()), simulator.authToken())).isInstanceOf(CheckResult.Unreachable.class);
    }
}
