package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.simulator.CreateFault;
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
 * Sending end to end: the REST API, PostgreSQL, the dispatcher, the real twilio-java client, the
 * embedded simulator, and the simulator's signed callbacks coming back through the webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + SendMessageSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.dispatch.first-retry-delay=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
// Its dispatcher runs on a schedule: closed after this class, so it never takes another class's messages.
@DirtiesContext
class SendMessageSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_system-test-key-of-enough-length";

    @Autowired
    TrackerFixture fixture;

    @Autowired
    ManageApiKeys apiKeys;

    private final String recipient = "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, API_KEY);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read()));
    }

    @Test
    void a_text_message_is_sent_with_our_callback_and_moves_to_delivered() {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Your code is 1234\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        String id = idOf(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/messages/" + id);
        awaitStatus(id, "delivered");

        SimulatedMessage sent = onlyMessageTo(recipient);
        assertThat(sent.statusCallback()).isEqualTo("http://localhost:" + port + "/twilio-status?mid=" + id
                + "#rc=3&rp=5xx,ct,rt&ct=2000&rt=5000&tt=15000");
        assertThat(sent.from()).isEqualTo("+15005550006");
        assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"sid\":\"" + sent.sid() + "\"")
                .contains("\"sent\":").contains("\"delivered\":");
    }

    @Test
    void a_whatsapp_template_is_sent_and_read() {
        HttpResponse<String> response = api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + recipient
                + "\",\"template\":{\"contentSid\":\"HX0123456789abcdef0123456789abcdef\",\"variables\":{\"1\":\"Ada\"}}}");

        String id = idOf(response);
        awaitStatus(id, "read");
        SimulatedMessage sent = onlyMessageTo("whatsapp:" + recipient);
        assertThat(sent.contentSid()).isEqualTo("HX0123456789abcdef0123456789abcdef");
        assertThat(sent.from()).isEqualTo("whatsapp:+15005550006");
    }

    @Test
    void the_same_idempotency_key_twice_sends_once() {
        String body = "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Once only\"}";
        HttpResponse<String> first = api.post("/api/v1/messages", body, "Idempotency-Key", "order-" + recipient);
        HttpResponse<String> second = api.post("/api/v1/messages", body, "Idempotency-Key", "order-" + recipient);

        assertThat(idOf(second)).isEqualTo(idOf(first));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        awaitStatus(idOf(first), "delivered");
        assertThat(messagesTo(recipient)).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_request_is_a_409() {
        api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"A\"}",
                "Idempotency-Key", "k-" + recipient);
        HttpResponse<String> conflict = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"B\"}", "Idempotency-Key", "k-" + recipient);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("was already used for message").contains("originalMessageId");
    }

    @Test
    void a_429_from_twilio_is_retried_and_the_message_sent_once() {
        simulator.injectCreateFaults(CreateFault.TOO_MANY_REQUESTS, 1);
        String id = idOf(api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Busy moment\"}"));

        awaitStatus(id, "delivered");
        assertThat(simulator.remainingCreateFaults()).isZero();
        assertThat(messagesTo(recipient)).hasSize(1);
    }

    @Test
    void a_permanent_refusal_fails_the_message_with_twilios_code_and_meaning() {
        simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$", Outcome.rejectOnCreate(21610)));
        String id = idOf(api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Hello again\"}"));

        String body = awaitStatus(id, "failed");
        assertThat(body).contains("\"code\":21610").contains("\"meaning\":\"Attempt to send to unsubscribed recipient\"")
                .contains("\"retryable\":false");
        assertThat(messagesTo(recipient)).isEmpty();
    }

    @Test
    void the_api_answers_json_only() {
        HttpResponse<String> asXml = api.get("/api/v1/messages", "Accept", "application/xml");
        HttpResponse<String> asYaml = api.get("/api/v1/messages", "Accept", "application/yaml");
        HttpResponse<String> xmlBody = api.postAs("application/xml", "/api/v1/messages",
                "<SendMessageRequest><channel>sms</channel><to>+31612345678</to><body>x</body></SendMessageRequest>");

        assertThat(asXml.statusCode()).isEqualTo(406);
        assertThat(asYaml.statusCode()).isEqualTo(406);
        assertThat(xmlBody.statusCode()).isEqualTo(415);
        assertThat(api.get("/api/v1/messages", "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void a_path_the_firewall_refuses_gets_a_problem_that_says_why() {
        HttpResponse<String> response = api.get("/api/v1/messages//history");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Request rejected\"").contains("//");
    }

    @Test
    void a_bad_request_gets_a_problem_naming_each_field() {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"fax\",\"body\":\"x\",\"template\":{\"contentSid\":\"HX1\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"channel\"")
                .contains("channel must be one of 'sms' or 'whatsapp', was 'fax'")
                .contains("\"field\":\"body\"").contains("give either body (free text) or template");
    }

    @Test
    void a_wrong_recipient_number_is_refused_before_twilio_sees_it() {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"0612345678\",\"body\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"to\"").contains("E.164").doesNotContain("0612345678");
    }

    @Test
    void malformed_json_gets_a_problem() {
        HttpResponse<String> response = api.post("/api/v1/messages", "{\"channel\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not the JSON this endpoint takes");
    }

    @Test
    void without_a_valid_key_the_api_answers_401() {
        assertThat(new ApiClient(port, null).get("/api/v1/messages/1").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = new ApiClient(port, "dt_not-a-key-we-ever-issued-xyz").get("/api/v1/messages/1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void a_key_of_another_organization_cannot_read_or_touch_this_organizations_messages() {
        String id = idOf(api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Private\"}"));
        var otherOrg = fixture.organizationOf(DeliveryStoreContract.randomAccount(), "other-token");
        ApiClient other = new ApiClient(port, apiKeys.issue(otherOrg, "other service").secret());

        HttpResponse<String> read = other.get("/api/v1/messages/" + id);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).contains("no message " + id + " in your organization");
        HttpResponse<String> replay = other.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Private\"}");
        assertThat(idOf(replay)).isNotEqualTo(id);
    }

    @Test
    void a_key_can_issue_and_revoke_keys_of_its_own_organization() {
        HttpResponse<String> created = api.post("/api/v1/api-keys", "{\"name\":\"rotation\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = created.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        String keyId = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(new ApiClient(port, key).get("/api/v1/messages/1").statusCode()).isIn(200, 404);

        assertThat(api.delete("/api/v1/api-keys/" + keyId).statusCode()).isEqualTo(204);
        assertThat(new ApiClient(port, key).get("/api/v1/messages/1").statusCode()).isEqualTo(401);
    }

    @Test
    void the_openapi_description_is_served() {
        HttpResponse<String> docs = new ApiClient(port, null).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/messages").contains("/api/v1/messages/{id}").contains("SendMessageRequest")
                .contains("MessageResponse").contains("\"scheme\":\"bearer\"").doesNotContain("/twilio-status");
    }

    private String awaitStatus(String id, String status) {
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            body[0] = api.get("/api/v1/messages/" + id).body();
            assertThat(body[0]).contains("\"status\":\"" + status + "\"");
        });
        return body[0];
    }

    private SimulatedMessage onlyMessageTo(String to) {
        List<SimulatedMessage> sent = messagesTo(to);
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private List<SimulatedMessage> messagesTo(String to) {
        return simulator.messages().stream().filter(message -> message.to().equals(to)).toList();
    }

}
