package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A silent outcome: the message moves as usual, a fetch shows it, and no callback is ever posted. */
class SilentOutcomeTest {

    private static final String TO = "+4915112345678";

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
    void a_silent_delivery_reaches_delivered_on_fetch_without_posting_a_callback() {
        simulator.behaviour(simulator.behaviour().withRule("^\\" + TO + "$", Outcome.silent(Outcome.delivered())));
        String sid = http.create("To", TO, "From", "+15005550006", "Body", "hi", "StatusCallback",
                receiver.url("/silent")).json().get("sid").asText();

        await().until(() -> "delivered".equals(simulator.message(sid).orElseThrow().status()));
        assertThat(http.get("/2010-04-01/Accounts/" + simulator.accountSid() + "/Messages/" + sid + ".json").json()
                .get("status").asText()).isEqualTo("delivered");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.statusesFor(sid).isEmpty());
        assertThat(simulator.callbackAttempts()).isEmpty();
    }

    @Test
    void silent_is_written_as_a_prefix_and_read_back() {
        Outcome outcome = Outcome.silent(Outcome.undelivered(30003));

        assertThat(outcome.notation()).isEqualTo("silent-undelivered:30003");
        assertThat(Outcome.parse("silent-undelivered:30003")).isEqualTo(outcome);
        assertThat(Outcome.parse("delivered").silent()).isFalse();
        assertThatThrownBy(() -> Outcome.silent(Outcome.noCallbacks())).isInstanceOf(IllegalArgumentException.class);
    }
}
