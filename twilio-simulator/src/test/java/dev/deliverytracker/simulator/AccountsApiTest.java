package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's Accounts resource as the simulator answers it: what the tracker checks a new account with. */
class AccountsApiTest {

    private static final String SUBACCOUNT = "AC" + "5".repeat(32);
    private static final String STRANGER = "AC" + "6".repeat(32);

    private TwilioSimulator simulator;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String path(String sid) {
        return "/2010-04-01/Accounts/" + sid + ".json";
    }

    @Test
    void an_account_fetched_with_its_own_credentials_answers_twilios_fields() {
        TwilioHttp.Answer answer = http.get(path(simulator.accountSid()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sid").asText()).isEqualTo(simulator.accountSid());
        assertThat(answer.json().get("owner_account_sid").asText()).isEqualTo(simulator.accountSid());
        assertThat(answer.json().get("status").asText()).isEqualTo("active");
        assertThat(answer.json().get("date_created").asText()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} .*");
    }

    @Test
    void a_wrong_token_is_401_with_code_20003_and_the_parent_reaches_its_subaccount_only() {
        simulator.registerSubaccount(simulator.accountSid(), SUBACCOUNT, "sub-token");
        simulator.registerAccount(STRANGER, "stranger-token");

        TwilioHttp.Answer refused = http.as(simulator.accountSid(), "wrong").get(path(simulator.accountSid()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asInt()).isEqualTo(20003);

        TwilioHttp.Answer sub = http.get(path(SUBACCOUNT));
        assertThat(sub.status()).isEqualTo(200);
        assertThat(sub.json().get("owner_account_sid").asText()).isEqualTo(simulator.accountSid());
        assertThat(http.as(SUBACCOUNT, "sub-token").get(path(SUBACCOUNT)).status()).isEqualTo(200);
        assertThat(http.get(path(STRANGER)).status()).as("another main account").isEqualTo(404);
        assertThat(http.as(SUBACCOUNT, "sub-token").get(path(simulator.accountSid())).status())
                .as("a subaccount does not reach its parent").isEqualTo(404);
    }
}
