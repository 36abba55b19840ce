package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import dev.deliverytracker.simulator.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs the service through its main flows (start, send, callbacks, a message Twilio rejects, a bad
 * number, a refused callback, a flood past the refusal budget, a new API key) while capturing
 * everything it prints, then scans that for the auth token, the API keys and full phone numbers. The
 * capture starts before the subclass's own context does, so start-up lines are scanned too. Each
 * subclass runs it with one console log format.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + LogScanScenario.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.webhook.refusal-limit.burst=2",
        "tracker.webhook.refusal-limit.refill=1h"})
@DirtiesContext
abstract class LogScanScenario extends SimulatedServiceTest {

    /**
     * Spring Boot configures Logback once per JVM until the context that configured it closes; another
     * test class's context still alive in the test cache would keep its format, and this class would
     * scan lines in a format it did not ask for. Forgetting that mark makes this class's context set up
     * the logging it names.
     */
    @BeforeAll
    static void logsAsThisClassConfiguresThem() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).removeObject(LoggingSystem.class.getName());
    }

    static final String API_KEY = "dt_log-scan-test-key-never-to-be-logged";

    /** Any E.164-looking run of digits: a full phone number in a log line. */
    private static final Pattern FULL_NUMBER = Pattern.compile("(?<![\\w*])\\+?\\d{8,15}(?!\\w)");

    /** A SID a forged callback names; no message has it. */
    static final String FORGED_SID = "SM0123456789abcdef0123456789abcdef";

    private final String delivered = "+3162" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    private final String rejected = "+3163" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

    /** What the flows left: the log and the ids to look for in it. */
    record Scan(String logged, String sent, String refusedByTwilio) {
    }

    /** Runs the flows, checks the log holds no secret and no full number, and hands it on for more checks. */
    Scan runTheMainFlowsAndScan(CapturedOutput output) {
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
            Map<String, List<String>> forged = form("MessageSid", FORGED_SID,
                    "MessageStatus", "delivered", "AccountSid", simulator.accountSid(), "To", delivered);
            assertThat(callbacks.post("/twilio-status", forged, "bm90LWEtc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        }
        HttpResponse<String> created = api.post("/api/v1/api-keys", "{\"name\":\"log scan\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String newKey = created.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(new ApiClient(port, newKey).get("/api/v1/messages/" + sent).statusCode()).isEqualTo(200);
        // A line that quotes a number, as an exception text or a library might: the encoder in force masks it.
        LoggerFactory.getLogger(LogScanScenario.class).warn("a library quoting the number {} in its text", delivered);

        String logged = output.getAll();
        assertThat(logged).as("the flows were logged at all").contains("twilio accepted message id=" + sent)
                .contains("callback refused")
                .contains("a library quoting the number +*******" + delivered.substring(delivered.length() - 4));
        assertThat(logged).doesNotContain(simulator.authToken()).doesNotContain(API_KEY).doesNotContain(newKey)
                .doesNotContain(delivered).doesNotContain(rejected)
                .doesNotContain(delivered.substring(1)).doesNotContain(rejected.substring(1));
        Matcher numbers = FULL_NUMBER.matcher(logged);
        List<String> found = numbers.results().map(match -> match.group()).distinct().toList();
        assertThat(found).as("full phone numbers in the log").isEmpty();
        return new Scan(logged, sent, refusedByTwilio);
    }

    private static void awaitStatus(ApiClient api, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"" + status + "\""));
    }
}
