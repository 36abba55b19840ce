package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's retry rules: once on connection failure by default, more only as the URL's fragment asks. */
class CallbackRetryTest {

    private TwilioSimulator simulator;
    private CallbackReceiver receiver;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        // one callback per message keeps the tries easy to count
        simulator = TwilioSimulator.start(new SimulatorSettings("127.0.0.1", 0, SimulatorSettings.DEFAULT_ACCOUNT_SID,
                SimulatorSettings.DEFAULT_AUTH_TOKEN, 7L, 4, 10,
                Behaviour.defaults().withDelays(0, 0).withDefaultOutcome(Outcome.sentOnly()), null));
        receiver = new CallbackReceiver();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    private String send(String callbackUrl) {
        return http.create("To", "+4915112345678", "From", "+15005550006", "Body", "hi", "StatusCallback", callbackUrl)
                .json().get("sid").asText();
    }

    private List<CallbackAttempt> attemptsFor(String sid) {
        return simulator.callbackAttempts().stream().filter(a -> a.messageSid().equals(sid)).collect(Collectors.toList());
    }

    /** Proves the simulator is done with earlier callbacks: a later message's callback has been answered. */
    private void awaitQuiet() {
        String marker = send(receiver.url("/marker"));
        await().until(() -> !attemptsFor(marker).isEmpty());
    }

    @Test
    void by_default_a_5xx_answer_is_not_retried() {
        receiver.answering(500);
        String sid = send(receiver.url("/s"));

        await().until(() -> attemptsFor(sid).size() == 1);
        awaitQuiet();
        assertThat(attemptsFor(sid)).singleElement().satisfies(a -> {
            assertThat(a.responseCode()).isEqualTo(500);
            assertThat(a.failure()).isEqualTo("5xx");
        });
    }

    @Test
    void by_default_a_connection_failure_is_retried_once() throws IOException {
        String sid = send("http://127.0.0.1:" + closedPort() + "/s");

        await().until(() -> attemptsFor(sid).size() == 2);
        awaitQuiet();
        assertThat(attemptsFor(sid)).hasSize(2).allSatisfy(a -> {
            assertThat(a.responseCode()).isZero();
            assertThat(a.failure()).isEqualTo("ct");
        });
    }

    @Test
    void the_fragment_asks_for_retries_on_5xx_with_the_same_idempotency_token() {
        receiver.answering(500, 503);
        String sid = send(receiver.url("/s?x=1#rc=3&rp=5xx,ct"));

        await().until(() -> attemptsFor(sid).size() == 3);
        awaitQuiet();
        List<CallbackAttempt> attempts = attemptsFor(sid);
        assertThat(attempts).extracting(CallbackAttempt::responseCode).containsExactly(500, 503, 204);
        assertThat(attempts).extracting(CallbackAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(CallbackAttempt::idempotencyToken).containsOnly(attempts.get(0).idempotencyToken());
        assertThat(receiver.received()).extracting(CallbackReceiver.Received::idempotencyToken)
                .contains(attempts.get(0).idempotencyToken());
        assertThat(receiver.received()).extracting(CallbackReceiver.Received::query).contains("x=1");
    }

    @Test
    void the_retry_count_caps_the_tries() {
        receiver.answering(500, 500, 500, 500);
        String sid = send(receiver.url("/s#rc=2&rp=all"));

        await().until(() -> attemptsFor(sid).size() == 3);
        awaitQuiet();
        assertThat(attemptsFor(sid)).hasSize(3).allSatisfy(a -> assertThat(a.succeeded()).isFalse());
    }

    @Test
    void a_4xx_is_retried_only_when_the_policy_names_it_and_a_429_never() {
        receiver.answering(404, 429);
        String sid = send(receiver.url("/s#rc=5&rp=4xx"));

        await().until(() -> attemptsFor(sid).size() == 2);
        awaitQuiet();
        assertThat(attemptsFor(sid)).extracting(CallbackAttempt::responseCode).containsExactly(404, 429);
    }

    @Test
    void a_read_timeout_is_retried_when_the_policy_says_rt() {
        receiver.hanging();
        String sid = send(receiver.url("/s#rc=1&rp=rt&rt=200"));

        await().until(() -> attemptsFor(sid).size() == 2);
        assertThat(attemptsFor(sid)).extracting(CallbackAttempt::failure).containsExactly("rt", "rt");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
