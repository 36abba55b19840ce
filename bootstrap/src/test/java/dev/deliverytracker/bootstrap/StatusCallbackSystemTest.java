package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.application.port.in.DispatchMessages;
import dev.deliverytracker.simulator.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A message's own {@code statusCallback} through the running service: sent through the API, handed to
 * the simulator that plays Twilio, its callbacks recorded, and every status change posted to the URL
 * it was sent with, signed with the organization's status-callback secret; refused with a precise
 * problem when the URL or the secret is missing; dead-lettered and replayed like a subscription's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + StatusCallbackSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.reconcile.enabled=false",
        "tracker.retry.enabled=false",
        "tracker.notifications.allow-http-loopback=true",
        "tracker.notifications.interval=20ms",
        "tracker.notifications.first-retry-delay=100ms",
        "tracker.notifications.max-retry-delay=200ms",
        "tracker.notifications.retry-horizon=1s",
        "tracker.notifications.connect-timeout=1s",
        "tracker.notifications.answer-timeout=5s",
        "tracker.notifications.per-subscription=4",
        "tracker.notifications.per-callback-host=4"})
@DirtiesContext
class StatusCallbackSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_status-callback-system-test-key-long-enough";

    @Autowired
    DispatchMessages dispatch;

    @Autowired
    JdbcClient jdbc;

    final ObjectMapper json = new ObjectMapper();
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, API_KEY);
    }

    @Test
    void every_status_change_of_a_message_reaches_its_status_callback_signed_with_the_organizations_secret()
            throws Exception {
        String recipient = recipient();
        simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$", Outcome.delivered()));
        String secret = secret();
        try (NotificationReceiver receiver = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
            receiver.secret(secret);
            HttpResponse<String> sent = send(recipient, receiver.url() + "/orders/77");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            long id = Long.parseLong(idOf(sent));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatch.dispatchDue();
                return "delivered".equals(status(id)) && receiver.events.size() >= changes(id);
            });

            assertThat(receiver.badSignatures).hasValue(0);
            assertThat(receiver.events).hasSize(changes(id));
            assertThat(receiver.types).contains("message.delivered");
            for (String body : receiver.events.values()) {
                assertThat(json.readTree(body).path("data").path("message").path("id").asText())
                        .isEqualTo(Long.toString(id));
            }
        }
    }

    @Test
    void a_status_callback_the_service_cannot_use_is_refused_with_a_problem_naming_the_field() throws Exception {
        String recipient = recipient();
        assertThat(api.post("/api/v1/status-callback-secret", "").statusCode()).isIn(200, 201);

        assertProblem(send(recipient, "not a url at all"), 400, "is not a URL");
        assertProblem(send(recipient, "/hooks/relative"), 400, "must be an absolute https URL");
        assertProblem(send(recipient, "https://10.0.0.1/hooks"), 422, "private, loopback or link-local");
        assertProblem(send(recipient, "https://169.254.169.254/latest/meta-data"), 422, "169.254.169.254");
        assertProblem(send(recipient, "ftp://example.com/hooks"), 422, "https URLs only");
        assertThat(jdbc.sql("select count(*) from messages where to_address = :to").param("to", recipient)
                .query(Long.class).single()).as("nothing stored").isZero();
    }

    @Test
    void the_secret_is_shown_once_and_a_rotation_keeps_the_previous_one_signing() throws Exception {
        String first = secret();
        JsonNode shown = json.readTree(api.get("/api/v1/status-callback-secret").body());
        assertThat(shown.path("secret").asText(null)).as("not shown again").isNull();
        assertThat(shown.path("createdAt").asText(null)).isNotNull();

        HttpResponse<String> rotated = api.post("/api/v1/status-callback-secret", "{\"overlap\":\"PT1H\"}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json.readTree(rotated.body()).path("secret").asText()).startsWith("whsec_").isNotEqualTo(first);
        assertThat(json.readTree(rotated.body()).path("previousSecretUntil").asText(null)).isNotNull();
        assertThat(api.post("/api/v1/status-callback-secret", "{\"overlap\":\"a day\"}").statusCode()).isEqualTo(400);
        assertThat(json.readTree(api.get("/api/v1/notification-subscriptions").body()))
                .as("the signer is none of the organization's subscriptions").allSatisfy(subscription ->
                        assertThat(subscription.path("url").asText()).doesNotStartWith("urn:"));
    }

    @Test
    void a_dead_status_callback_ends_in_the_dead_letters_under_its_url_and_a_replay_delivers_it() throws Exception {
        String recipient = recipient();
        simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$", Outcome.sentOnly()));
        String secret = secret();
        try (NotificationReceiver dead = new NotificationReceiver(NotificationReceiver.Mode.FAIL)) {
            dead.secret(secret);
            String url = dead.url() + "/orders/78";
            long id = Long.parseLong(idOf(send(recipient, url)));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                dispatch.dispatchDue();
                return "sent".equals(status(id)) && lettersTo(url).size() == changes(id);
            });
            assertThat(lettersTo(url)).allSatisfy(letter -> {
                assertThat(letter.path("subscriptionId").asText(null)).isNull();
                assertThat(letter.path("lastError").asText()).isEqualTo("answered 500");
            });
            assertThat(dead.events).isEmpty();

            dead.mode(NotificationReceiver.Mode.TAKE);
            for (JsonNode letter : lettersTo(url)) {
                assertThat(api.post("/api/v1/notification-dead-letters/" + letter.path("id").asText() + "/replay", "")
                        .statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.events.size() == changes(id));
            assertThat(dead.badSignatures).hasValue(0);
        }
    }

    @Test
    void a_hanging_status_callback_host_holds_only_its_own_places_and_another_hosts_callbacks_arrive_meanwhile()
            throws Exception {
        String secret = secret();
        try (NotificationReceiver hanging = new NotificationReceiver(NotificationReceiver.Mode.HANG);
                NotificationReceiver fast = new NotificationReceiver(NotificationReceiver.Mode.TAKE)) {
            fast.secret(secret);
            List<Long> stuck = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String recipient = recipient();
                simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$", Outcome.delivered()));
                stuck.add(Long.parseLong(idOf(send(recipient, hanging.url() + "/orders/" + i))));
            }
            // Every place of the hanging host taken, and its other callbacks waiting (they are older than the fast
            // host's): each post there lasts the answer timeout, five seconds.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatch.dispatchDue();
                return hanging.inFlight.get() == 4 && stuck.stream().allMatch(id -> "delivered".equals(status(id)));
            });
            int hangingCallbacks = stuck.stream().mapToInt(this::changes).sum();

            List<Long> quick = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String recipient = recipient();
                simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$", Outcome.delivered()));
                quick.add(Long.parseLong(idOf(send(recipient, fast.url() + "/orders/" + i))));
            }
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatch.dispatchDue();
                return quick.stream().allMatch(id -> "delivered".equals(status(id)))
                        && fast.events.size() == quick.stream().mapToInt(this::changes).sum();
            });

            assertThat(hanging.posts.get()).as("the hanging host is still far from through its %d callbacks",
                    hangingCallbacks).isLessThan(hangingCallbacks / 2);
            assertThat(hanging.mostInFlight.get()).as("it never held more than its own places").isEqualTo(4);
            assertThat(fast.badSignatures).hasValue(0);
        }
    }

    private String secret() throws Exception {
        HttpResponse<String> made = api.post("/api/v1/status-callback-secret", "{\"overlap\":\"PT0S\"}");
        assertThat(made.statusCode()).as(made.body()).isIn(200, 201);
        return json.readTree(made.body()).path("secret").asText();
    }

    private HttpResponse<String> send(String recipient, String statusCallback) throws Exception {
        return api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + recipient
                + "\",\"body\":\"Your parcel is on its way\",\"statusCallback\":" + json.writeValueAsString(statusCallback)
                + "}");
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("statusCallback");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains(detail);
    }

    private List<JsonNode> lettersTo(String url) throws Exception {
        List<JsonNode> letters = new java.util.ArrayList<>();
        json.readTree(api.get("/api/v1/notification-dead-letters?limit=1000").body()).forEach(letter -> {
            if (url.equals(letter.path("statusCallback").asText(null))) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private String status(long id) {
        return jdbc.sql("select status from messages where message_id = :id").param("id", id).query(String.class)
                .single();
    }

    private int changes(long id) {
        return jdbc.sql("select notification_sequence from messages where message_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private static String recipient() {
        return "+3163" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }
}
