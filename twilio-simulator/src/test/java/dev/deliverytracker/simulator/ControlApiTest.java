package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {

    private TwilioSimulator simulator;
    private CallbackReceiver receiver;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        receiver = new CallbackReceiver();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void get_behaviour_shows_the_current_one() {
        JsonNode json = http.control("GET", "/simulator/behaviour", null).json();

        assertThat(json.get("defaultOutcome").asText()).isEqualTo("read");
        assertThat(json.get("rules")).isEmpty();
        assertThat(json.get("earlyCallback").asBoolean()).isFalse();
    }

    @Test
    void put_behaviour_changes_only_the_fields_it_names() {
        TwilioHttp.Answer answer = http.control("PUT", "/simulator/behaviour",
                "{\"rules\":[{\"to\":\"^\\\\+1555\",\"outcome\":\"undelivered:30003\"}],\"duplicateRate\":0.5}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(simulator.behaviour().rules()).containsExactly(new OutcomeRule("^\\+1555", Outcome.undelivered(30003)));
        assertThat(simulator.behaviour().duplicateRate()).isEqualTo(0.5);
        assertThat(simulator.behaviour().defaultOutcome()).isEqualTo(Outcome.read());
    }

    @Test
    void a_bad_behaviour_is_refused_with_400_and_changes_nothing() {
        Behaviour before = simulator.behaviour();

        assertThat(http.control("PUT", "/simulator/behaviour", "{\"failureRate\":2}").status()).isEqualTo(400);
        assertThat(http.control("PUT", "/simulator/behaviour", "{\"defaultOutcome\":\"failed\"}").status()).isEqualTo(400);
        assertThat(simulator.behaviour()).isEqualTo(before);
    }

    @Test
    void faults_are_armed_and_shown() {
        JsonNode json = http.control("POST", "/simulator/faults", "{\"fault\":\"TOO_MANY_REQUESTS\",\"count\":2}").json();

        assertThat(json.get("fault").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(json.get("remaining").asInt()).isEqualTo(2);
        assertThat(http.create("To", "+4915112345678", "From", "+15005550006", "Body", "x").status()).isEqualTo(429);
        assertThat(http.control("GET", "/simulator/faults", null).json().get("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void messages_and_callbacks_are_listed_and_reset_forgets_them() {
        String sid = http.create("To", "+4915112345678", "From", "+15005550006", "Body", "x", "StatusCallback", receiver.url("/s"))
                .json().get("sid").asText();
        await().until(() -> simulator.callbackAttempts().size() == 2);

        assertThat(http.control("GET", "/simulator/messages", null).json().findValuesAsText("sid")).containsExactly(sid);
        JsonNode callbacks = http.control("GET", "/simulator/callbacks?messageSid=" + sid, null).json();
        assertThat(callbacks).hasSize(2);
        assertThat(callbacks.get(0).get("responseCode").asInt()).isEqualTo(204);
        assertThat(callbacks.get(0).get("params").get("MessageStatus").asText()).isEqualTo("sent");

        http.control("PUT", "/simulator/behaviour", "{\"earlyCallback\":true}");
        assertThat(http.control("POST", "/simulator/reset", null).status()).isEqualTo(200);
        assertThat(http.control("GET", "/simulator/messages", null).json()).isEmpty();
        assertThat(http.control("GET", "/simulator/callbacks", null).json()).isEmpty();
        assertThat(simulator.behaviour().earlyCallback()).isFalse();
    }

    @Test
    void accounts_can_be_registered_over_http() {
        String sid = "AC" + "9".repeat(32);
        assertThat(http.control("POST", "/simulator/accounts", "{\"sid\":\"" + sid + "\",\"token\":\"t9\"}").status()).isEqualTo(201);

        assertThat(http.as(sid, "t9").create("To", "+4915112345678", "From", "+15005550006", "Body", "x").status()).isEqualTo(201);
        assertThat(http.control("POST", "/simulator/accounts", "{\"sid\":\"not-a-sid\",\"token\":\"t\"}").status()).isEqualTo(400);
    }

    @Test
    void an_unknown_control_path_is_404() {
        assertThat(http.control("GET", "/simulator/nothing", null).status()).isEqualTo(404);
    }
}
