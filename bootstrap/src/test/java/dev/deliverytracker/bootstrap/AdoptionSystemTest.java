package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.deliverytracker.adapter.twilio.BaseUrlOverridingHttpClient;
import dev.deliverytracker.application.port.in.CollectCharges;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ReconcileRun;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.simulator.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Another application sends with twilio-java straight to Twilio (the embedded simulator), with its
 * own status callback pointing at the tracker and no call to the tracker's API, as a team already
 * sending does. The tracker adopts each such message from its signed callbacks and shows it beside
 * the messages sent through its API, each counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + AdoptionSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.charges.settle-after=0s",
        "tracker.charges.ask-every=0s",
        // The shared database holds other classes' final messages, unpriced (their accounts' tokens are made
        // up): a short horizon leaves them out, so runs reach this class's messages at once.
        "tracker.charges.horizon=20s",
        "tracker.reconcile.fetches-per-second=1000"})
@DirtiesContext
class AdoptionSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_adoption-system-test-key-long-enough";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "MG" + "c".repeat(32);

    @Autowired
    ManageOperators operators;

    @Autowired
    CollectCharges charges;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private TwilioRestClient otherApplication;
    private final String recipient = "+3163" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

    @BeforeEach
    void clients() {
        api = new ApiClient(port, API_KEY);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read()));
        otherApplication = new TwilioRestClient.Builder(simulator.accountSid(), simulator.authToken())
                .httpClient(new BaseUrlOverridingHttpClient(simulator.baseUrl())).build();
    }

    @AfterEach
    void adoptAgain() {
        api.put("/api/v1/adoption", "{\"policy\":\"adopt\"}");
    }

    @Test
    void a_message_sent_by_another_application_is_adopted_from_its_callbacks_with_its_whole_history() {
        Message sent = Message.creator(new PhoneNumber("whatsapp:" + recipient), new PhoneNumber("whatsapp:+14155238886"),
                "Sent by the shop's own app").setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status"))
                .create(otherApplication);

        JsonNode adopted = awaitListed(sent.getSid(), "read");

        assertThat(adopted.path("origin").asText()).isEqualTo("external");
        assertThat(adopted.path("channel").asText()).isEqualTo("whatsapp");
        assertThat(adopted.path("to").asText()).isEqualTo(recipient);
        JsonNode message = json(api.get("/api/v1/messages/" + adopted.path("id").asText()));
        assertThat(message.path("origin").asText()).isEqualTo("external");
        assertThat(message.path("milestones").has("sent")).isTrue();
        assertThat(message.path("milestones").has("delivered")).isTrue();
        assertThat(message.path("milestones").has("read")).isTrue();
        JsonNode timeline = json(api.get("/api/v1/messages/" + adopted.path("id").asText() + "/timeline"));
        assertThat(timeline.toString()).contains("\"sent\"").contains("\"delivered\"").contains("\"read\"");
    }

    @Test
    void a_callback_set_on_the_messaging_service_is_enough_no_code_change_at_all() {
        simulator.serviceStatusCallback(SERVICE, "http://localhost:" + port + "/twilio-status");
        try {
            Message sent = Message.creator(new PhoneNumber(recipient), SERVICE, "Through the service").create(otherApplication);

            JsonNode adopted = awaitListed(sent.getSid(), "delivered");

            assertThat(adopted.path("origin").asText()).isEqualTo("external");
            assertThat(adopted.path("channel").asText()).isEqualTo("sms");
        } finally {
            simulator.serviceStatusCallback(SERVICE, "");
        }
    }

    @Test
    void messages_sent_through_the_api_and_adopted_ones_are_listed_apart_by_origin_each_once() {
        HttpResponse<String> ours = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Sent through the tracker\"}");
        assertThat(ours.statusCode()).isEqualTo(202);
        String ourId = idOf(ours);
        Message theirs = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Sent elsewhere")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        awaitListed(theirs.getSid(), "delivered");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                json(api.get("/api/v1/messages/" + ourId)).path("status").asText().equals("delivered"));

        JsonNode all = json(api.get("/api/v1/messages?to=" + recipient.replace("+", "%2B") + "&limit=50"));
        JsonNode external = json(api.get("/api/v1/messages?to=" + recipient.replace("+", "%2B") + "&origin=external"));
        JsonNode viaApi = json(api.get("/api/v1/messages?to=" + recipient.replace("+", "%2B") + "&origin=api"));

        assertThat(all.path("items").size()).isEqualTo(2);
        assertThat(external.path("items")).singleElement()
                .satisfies(message -> assertThat(message.path("sid").asText()).isEqualTo(theirs.getSid()));
        assertThat(viaApi.path("items")).singleElement()
                .satisfies(message -> assertThat(message.path("id").asText()).isEqualTo(ourId));
        assertThat(api.get("/api/v1/messages?origin=elsewhere").statusCode()).isEqualTo(400);

        String today = "from=" + Instant.now().minus(Duration.ofHours(1)) + "&until=" + Instant.now().plus(Duration.ofHours(1))
                + "&interval=hour";
        JsonNode both = json(api.get("/api/v1/statistics?" + today));
        JsonNode adoptedOnly = json(api.get("/api/v1/statistics?" + today + "&origin=external"));
        assertThat(both.path("byOrigin").path("external").path("messages").asLong()).isPositive();
        assertThat(both.path("byOrigin").path("api").path("messages").asLong()).isPositive();
        assertThat(adoptedOnly.path("total").path("messages").asLong())
                .isEqualTo(both.path("byOrigin").path("external").path("messages").asLong());
        assertThat(api.get("/api/v1/statistics?" + today + "&origin=elsewhere").statusCode()).isEqualTo(400);
    }

    @Test
    void the_guides_curl_example_sends_a_message_that_the_tracker_adopts() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "adopting.md"));
        Matcher block = Pattern.compile("```bash\\n\\s*(curl -X POST [^`]*)```").matcher(guide);
        assertThat(block.find()).as("the guide's curl example").isTrue();
        String base = simulator.baseUrl().toString().replaceAll("/$", "");
        String command = block.group(1).strip().replace("curl -X POST", "curl --silent --show-error -X POST")
                .replace("https://api.twilio.com", base)
                .replace("https://tracker.example.com", "http://localhost:" + port)
                .replace("+31612345678", recipient);
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true);
        shell.environment().put("TWILIO_ACCOUNT_SID", simulator.accountSid());
        shell.environment().put("TWILIO_AUTH_TOKEN", simulator.authToken());
        Process curl = shell.start();
        curl.getOutputStream().close();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as("curl (installed by .ci/run): %s", answer).isZero();

        String sid = JSON.readTree(answer).path("sid").asText();
        JsonNode adopted = awaitListed(sid, "delivered");

        assertThat(adopted.path("origin").asText()).isEqualTo("external");
    }

    @Test
    void the_dashboard_lists_messages_by_origin() {
        HttpResponse<String> ours = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Sent through the tracker\"}");
        String ourId = idOf(ours);
        Message theirs = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Sent elsewhere")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        String theirId = awaitListed(theirs.getSid(), "delivered").path("id").asText();
        String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.define(name, "a-long-enough-password", OperatorRole.VIEWER,
                Set.of("default"));
        DashboardSession browser = new DashboardSession(port);
        browser.signIn(name, "a-long-enough-password");
        // Tests share the database: another context's organization may be called "default" too.
        long org = jdbc.sql("select org_id from messages where message_id = :id").param("id", Long.parseLong(ourId))
                .query(Long.class).single();
        String to = recipient.replace("+", "%2B");

        String external = browser.get("/dashboard/messages?org=" + org + "&origin=external&to=" + to).body();
        String viaApi = browser.get("/dashboard/messages?org=" + org + "&origin=api&to=" + to).body();

        assertThat(external).contains("id=\"message-" + theirId + "\"").doesNotContain("id=\"message-" + ourId + "\"");
        assertThat(viaApi).contains("id=\"message-" + ourId + "\"").doesNotContain("id=\"message-" + theirId + "\"");
        assertThat(browser.get("/dashboard/messages?origin=elsewhere").body()).contains("origin: ");
    }

    @Test
    void an_organization_that_refuses_keeps_nothing_of_what_other_applications_send() {
        HttpResponse<String> refused = api.put("/api/v1/adoption", "{\"policy\":\"refuse\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/adoption")).path("policy").asText()).isEqualTo("refuse");

        Message sent = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Not tracked")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.callbackAttempts().stream()
                .filter(attempt -> attempt.messageSid().equals(sent.getSid()))
                .anyMatch(attempt -> attempt.status().equals("delivered") && attempt.responseCode() == 200));

        assertThat(json(api.get("/api/v1/messages?sid=" + sent.getSid())).path("items")).isEmpty();
        assertThat(api.put("/api/v1/adoption", "{\"policy\":\"maybe\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void callbacks_kept_unmatched_before_the_organization_adopted_are_adopted_by_the_one_off_action() {
        api.put("/api/v1/adoption", "{\"policy\":\"keep_unmatched\"}");
        Message sent = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Before adoption")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.callbackAttempts().stream()
                .filter(attempt -> attempt.messageSid().equals(sent.getSid()))
                .anyMatch(attempt -> attempt.status().equals("delivered") && attempt.responseCode() == 200));
        assertThat(json(api.get("/api/v1/messages?sid=" + sent.getSid())).path("items")).isEmpty();

        api.put("/api/v1/adoption", "{\"policy\":\"adopt\"}");
        HttpResponse<String> report = api.post("/api/v1/adoption/unmatched", "");

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(json(report).path("events").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(json(report).path("messages").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode adopted = awaitListed(sent.getSid(), "delivered");
        assertThat(adopted.path("origin").asText()).isEqualTo("external");
        assertThat(adopted.path("milestones").has("sent")).isTrue();
        assertThat(json(api.post("/api/v1/adoption/unmatched", "")).path("messages").asInt())
                .as("read again, nothing is adopted twice").isZero();
    }

    @Test
    void a_message_registered_after_its_first_callback_stays_one_message_and_takes_its_tags() {
        Message early = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Registered later")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        awaitListed(early.getSid(), "delivered");
        HttpResponse<String> after = api.put("/api/v1/registered-messages/" + early.getSid(),
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"from\":\"+15005550006\","
                        + "\"body\":\"Registered later\",\"tags\":{\"order\":\"4711\"}}");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).path("origin").asText()).isEqualTo("external");
        assertThat(json(after).path("status").asText()).isEqualTo("delivered");
        assertThat(json(after).path("tags").path("order").asText()).isEqualTo("4711");
        assertThat(json(api.get("/api/v1/messages?sid=" + early.getSid())).path("items").size()).isEqualTo(1);

        // Registering before the first callback is the contract's case (DeliveryStoreContract); here: a SID of a
        // message sent through the tracker is never taken by a registration.
        HttpResponse<String> conflict = api.put("/api/v1/registered-messages/" + idOfOurs(),
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"from\":\"+15005550006\",\"body\":\"x\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(api.put("/api/v1/registered-messages/not-a-sid", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void what_twilio_charged_appears_after_the_message_is_final_and_adds_up_in_spend() {
        simulator.behaviour(simulator.behaviour().withPriceDelay(300));
        Instant from = Instant.now().minusSeconds(60);
        HttpResponse<String> ours = api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + recipient
                + "\",\"body\":\"Winter sale\",\"tags\":{\"campaign\":\"winter\"}}");
        String ourId = idOf(ours);
        Message theirs = Message.creator(new PhoneNumber(recipient), new PhoneNumber("+15005550006"), "Sent elsewhere")
                .setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status")).create(otherApplication);
        String theirId = awaitListed(theirs.getSid(), "delivered").path("id").asText();

        JsonNode priced = awaitPriced(ourId);
        JsonNode adopted = awaitPriced(theirId);

        assertThat(priced.path("segments").asInt()).isEqualTo(1);
        assertThat(priced.path("price").path("amount").asText()).isEqualTo("0.00790");
        assertThat(priced.path("price").path("currency").asText()).isEqualTo("USD");
        assertThat(adopted.path("price").path("amount").asText()).isEqualTo("0.00790");
        String range = "from=" + from + "&until=" + Instant.now().plusSeconds(60);
        JsonNode byCampaign = json(api.get("/api/v1/statistics/spend?" + range + "&by=tag:campaign"));
        assertThat(byCampaign.path("lines").toString()).contains("\"key\":\"winter\"");
        JsonNode winter = StreamSupport.stream(byCampaign.path("lines").spliterator(), false)
                .filter(line -> "winter".equals(line.path("key").asText())).findFirst().orElseThrow();
        assertThat(winter.path("messages").asLong()).isEqualTo(1);
        assertThat(winter.path("spent").asText()).isEqualTo("0.00790");
        assertThat(api.get("/api/v1/statistics/spend?" + range + "&by=colour").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/statistics/spend?from=2026-01-01T00:00:00Z&until=2026-12-01T00:00:00Z")
                .statusCode()).as("longer than 93 days").isEqualTo(400);
    }

    private JsonNode awaitPriced(String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            // The schedule's lock is shared with every other context on this database: ask directly.
            charges.collectAfter(new ReconcileRun(0, 0, 0, 0, 0, false));
            found[0] = json(api.get("/api/v1/messages/" + id));
            return found[0].path("price").isObject();
        });
        return found[0];
    }

    /** The SID of a message sent through the tracker's API, once Twilio took it. */
    private String idOfOurs() {
        HttpResponse<String> ours = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Ours\"}");
        String id = idOf(ours);
        String[] sid = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sid[0] = json(api.get("/api/v1/messages/" + id)).path("sid").asText("");
            return !sid[0].isEmpty();
        });
        return sid[0];
    }

    private JsonNode awaitListed(String sid, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode page = json(api.get("/api/v1/messages?sid=" + sid));
            if (page.path("items").size() != 1) {
                return false;
            }
            found[0] = page.path("items").get(0);
            return status.equals(found[0].path("status").asText());
        });
        return found[0];
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
