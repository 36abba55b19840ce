package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.port.in.RetryFailedMessages;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Failed messages sent again, end to end with the simulator: the retry job is driven by the test
 * (its schedule is off), the dispatcher and the callbacks run as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + RetrySystemTest.API_KEY,
        "tracker.retry.enabled=false",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class RetrySystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_retry-system-test-key-long-enough";

    @Autowired
    RetryFailedMessages retries;

    @Autowired
    StoredMessages messages;

    private final String recipient = "+3165" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, API_KEY);
        api.put("/api/v1/retry-policy", "{\"enabled\":true,\"maxAttempts\":3,\"firstDelay\":\"PT0S\",\"maxDelay\":\"PT0S\"}");
    }

    @Test
    void a_retryable_failure_is_resent_and_ends_delivered_with_two_attempts_on_record() {
        simulator.behaviour(simulator.behaviour().withoutRules()
                .withRule("^\\" + recipient + "$", Outcome.undelivered(30003)));
        String id = send("Phone was off");
        awaitBody(id, "\"status\":\"undelivered\"");

        simulator.behaviour(simulator.behaviour().withoutRules());
        await().atMost(Duration.ofSeconds(10)).until(() -> retries.retryDue() > 0);
        String body = awaitBody(id, "\"status\":\"delivered\"");

        assertThat(body).contains("\"attempts\":2").doesNotContain("\"error\"");
        List<SimulatedMessage> sent = simulator.messages().stream().filter(m -> m.to().equals(recipient)).toList();
        assertThat(sent).hasSize(2);
        assertThat(messages.history(MessageId.parse(id))).extracting(DeliveryEvent::sid).extracting(Object::toString)
                .contains(sent.get(0).sid(), sent.get(1).sid());
    }

    @Test
    void a_permanent_failure_is_not_resent() {
        simulator.behaviour(simulator.behaviour().withoutRules()
                .withRule("^\\" + recipient + "$", Outcome.rejectOnCreate(21610)));
        String id = send("Unsubscribed");
        awaitBody(id, "\"code\":21610");

        retries.retryDue();
        assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"failed\"").contains("\"attempts\":1");
        assertThat(simulator.messages().stream().filter(m -> m.to().equals(recipient))).isEmpty();

        HttpResponse<String> manual = api.post("/api/v1/messages/" + id + "/retry", "");
        assertThat(manual.statusCode()).isEqualTo(409);
        assertThat(manual.body()).contains("21610").contains("not worth retrying");
    }

    @Test
    void an_operator_can_force_a_retry_the_policy_refuses() {
        simulator.behaviour(simulator.behaviour().withoutRules()
                .withRule("^\\" + recipient + "$", Outcome.undelivered(30007)));
        String id = send("Filtered once");
        awaitBody(id, "\"code\":30007");
        simulator.behaviour(simulator.behaviour().withoutRules());

        assertThat(api.post("/api/v1/messages/" + id + "/retry", "").statusCode()).isEqualTo(409);
        assertThat(api.post("/api/v1/messages/" + id + "/retry?force=true", "").statusCode()).isEqualTo(202);
        awaitBody(id, "\"status\":\"delivered\"");
    }

    private String send(String body) {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"" + body + "\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        return response.body().replaceAll(".*\"id\":\"(\\d+)\".*", "$1");
    }

    private String awaitBody(String id, String fragment) {
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            body[0] = api.get("/api/v1/messages/" + id).body();
            assertThat(body[0]).contains(fragment);
        });
        return body[0];
    }
}
