package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.simulator.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs the service through its main flows (start, send, callbacks, a message Twilio rejects, a bad
 * number, a refused callback, a flood past the refusal budget, a new API key) while capturing
 * everything it prints, then scans that for the auth token, the API keys and full phone numbers.
 * The capture starts before this class's own context does, so start-up lines are scanned too.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + LogScanSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.webhook.refusal-limit.burst=2",
        "tracker.webhook.refusal-limit.refill=1h"})
@DirtiesContext
class LogScanSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_log-scan-test-key-never-to-be-logged";

    /** Any E.164-looking run of digits: a full phone number in a log line. */
    private static final Pattern FULL_NUMBER = Pattern.compile("(?<![\\w*])\\+?\\d{8,15}(?!\\w)");

    private final String delivered = "+3162" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    private final String rejected = "+3163" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

    @Test
    void the_main_flows_log_no_auth_token_no_api_key_and_no_full_phone_number(CapturedOutput output) {
        ApiClient api = new ApiClient(port, API_KEY);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read())
                .withRule("^\\" + rejected + "$", Outcome.rejectOnCreate(21211)));

        String sent = idOf(api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + delivered
                + "\",\"body\":\"Your code is 4321\"}"));
        String refusedByTwilio = idOf(api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + rejected
                + "\",\"body\":\"hello\"}"));
        assertThat(api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+3161234\",\"body\":\"x\"}")
                .statusCode()).isEqualTo(400);
        awaitStatus(api, sent, "read");
        awaitStatus(api, refusedByTwilio, "failed");

        CallbackClient callbacks = new CallbackClient(port);
        for (int i = 0; i < 4; i++) {
            Map<String, List<String>> forged = form("MessageSid", "SM0123456789abcdef0123456789abcdef",
                    "MessageStatus", "delivered", "AccountSid", simulator.accountSid(), "To", delivered);
            assertThat(callbacks.post("/twilio-status", forged, "bm90LWEtc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> created = api.post("/api/v1/api-keys", "{\"name\":\"log scan\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String newKey = created.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(new ApiClient(port, newKey).get("/api/v1/messages/" + sent).statusCode()).isEqualTo(200);

        String logged = output.getAll();
        assertThat(logged).as("the flows were logged at all").contains("twilio accepted message id=" + sent)
                .contains("callback refused");
        assertThat(logged).doesNotContain(simulator.authToken()).doesNotContain(API_KEY).doesNotContain(newKey)
                .doesNotContain(delivered).doesNotContain(rejected)
                .doesNotContain(delivered.substring(1)).doesNotContain(rejected.substring(1));
        Matcher numbers = FULL_NUMBER.matcher(logged);
        List<String> found = numbers.results().map(match -> match.group()).distinct().toList();
        assertThat(found).as("full phone numbers in the log").isEmpty();
    }

    private static void awaitStatus(ApiClient api, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"" + status + "\""));
    }
}
