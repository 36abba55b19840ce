package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Event Streams sink through the real HTTP server and PostgreSQL, with batches signed as Twilio
 * documents it for JSON bodies (the URL with {@code bodySHA256}, HMAC-SHA1 with the auth token), and
 * status callbacks for the same messages through the status webhook. Every test has its own account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "tracker.twilio.auth-token=configured-token",
        "tracker.dispatch.enabled=false"})
class EventStreamsSystemTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TrackerFixture fixture;

    @Autowired
    StoredMessages messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManageApiKeys apiKeys;

    @Autowired
    ManageOperators operators;

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final String token = "token-" + account.value().substring(30);

    @Test
    void a_batch_of_statuses_is_recorded_once_each_also_when_callbacks_bring_the_same_statuses() {
        OrganizationId org = fixture.organizationOf(account, token);
        Message first = fixture.acceptedMessage(org);
        Message second = fixture.acceptedMessage(org);
        MessageSid firstSid = first.sid().get();
        MessageSid secondSid = second.sid().get();
        assertThat(callback(firstSid, "sent").statusCode()).isEqualTo(200);

        String batch = batch(status(firstSid, "SENT"), status(firstSid, "DELIVERED"), status(secondSid, "SENT"),
                status(firstSid, "READ"), status(secondSid, "UNDELIVERED", 30003));
        assertThat(postSigned(batch).statusCode()).isEqualTo(200);
        assertThat(postSigned(batch).statusCode()).as("Twilio's retry of the same batch").isEqualTo(200);
        assertThat(callback(firstSid, "delivered").statusCode()).isEqualTo(200);

        // The events of a batch are recorded together: the history holds each once, the status follows precedence.
        assertThat(statuses(first)).containsExactlyInAnyOrder("queued", "sent", "delivered", "read");
        assertThat(statuses(second)).containsExactlyInAnyOrder("queued", "sent", "undelivered");
        assertThat(messages.findBySid(firstSid).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
        Message failed = messages.findBySid(secondSid).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(failed.error().code()).isEqualTo(30003);
        assertThat(jdbc.sql("""
                select provider_payload->>'EventStreamsType' || '|' || (provider_payload->>'ErrorCode')
                from message_delivery_log where provider_sid = :sid and status = 'undelivered'""")
                .param("sid", secondSid.value()).query(String.class).single())
                .isEqualTo("com.twilio.messaging.message.undelivered|30003");
    }

    @Test
    void a_status_for_a_message_not_known_yet_is_kept_unmatched_like_a_callback() {
        fixture.organizationOf(account, token);
        MessageSid unknown = DeliveryStoreContract.randomSid();

        assertThat(postSigned(batch(status(unknown, "DELIVERED"))).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from message_delivery_log where provider_sid = :sid and message_id is null")
                .param("sid", unknown.value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_wrongly_signed_batch_or_one_whose_body_does_not_match_bodySHA256_is_refused_and_quarantined() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        String batch = batch(status(message.sid().get(), "DELIVERED"));
        String url = client().local("/twilio-events?bodySHA256=" + sha256(batch));

        HttpResponse<String> wrongToken = client().send("/twilio-events?bodySHA256=" + sha256(batch),
                "application/json", batch, TwilioDocumentedSignature.sign("not-" + token, url, Map.of()));
        String tampered = batch.replace("DELIVERED", "READ");
        HttpResponse<String> changedBody = client().send("/twilio-events?bodySHA256=" + sha256(batch),
                "application/json", tampered, TwilioDocumentedSignature.sign(token, url, Map.of()));

        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(wrongToken.body()).contains("Batch signature refused").contains(account.value());
        assertThat(changedBody.statusCode()).isEqualTo(403);
        assertThat(statuses(message)).containsExactly("queued");
        assertThat(jdbc.sql("select body from refused_event_batches where account_sids = :account order by refused_id")
                .param("account", account.value()).query(String.class).list()).containsExactly(batch, tampered);
    }

    @Test
    void a_batch_refused_for_a_stale_token_is_recorded_by_a_replay_once_the_token_is_fixed() {
        OrganizationId org = fixture.organizationOf(account, "stale-" + token);
        Message message = fixture.acceptedMessage(org);
        ApiClient api = new ApiClient(port, apiKeys.issue(org, "replay test").secret());
        assertThat(postSigned(batch(status(message.sid().get(), "DELIVERED"))).statusCode()).isEqualTo(403);

        HttpResponse<String> listed = api.get("/api/v1/refused-event-batches");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"replayable\":true").contains("\"events\":1")
                .doesNotContain("+31612345678").doesNotContain("DELIVERED");
        assertThat(api.post("/api/v1/refused-event-batches/replay", "{}").body())
                .as("the token is still the stale one")
                .isEqualTo("{\"examined\":1,\"replayed\":0,\"stillRefused\":1}");

        fixture.organizationOf(account, token);
        assertThat(api.post("/api/v1/refused-event-batches/replay", "{}").body())
                .isEqualTo("{\"examined\":1,\"replayed\":1,\"stillRefused\":0}");

        assertThat(statuses(message)).containsExactly("queued", "delivered");
        assertThat(messages.findBySid(message.sid().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(api.get("/api/v1/refused-event-batches").body()).isEqualTo("[]");
        assertThat(api.get("/api/v1/refused-event-batches?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void unknown_types_are_kept_and_answered_200_and_unreadable_json_is_a_400_problem() {
        OrganizationId org = fixture.organizationOf(account, token);
        String eventId = "EZ" + UUID.randomUUID().toString().replace("-", "");
        String voice = """
                {"specversion":"1.0","type":"com.twilio.voice.status-callback.call.completed","id":"%s",
                 "source":"/2010-04-01/Accounts/%s/Calls","time":"2026-11-24T12:00:00.000Z",
                 "data":{"accountSid":"%s","callSid":"CA0123"}}""".formatted(eventId, account, account);

        assertThat(postSigned("[" + voice + "]").statusCode()).isEqualTo(200);
        assertThat(postSigned("[" + voice + "]").statusCode()).isEqualTo(200);
        HttpResponse<String> garbage = client().send("/twilio-events", "application/json", "[{\"id\":", null);

        assertThat(jdbc.sql("select type || '|' || disposition from stream_events_kept where org_id = :org")
                .param("org", org.value()).query(String.class).list())
                .containsExactly("com.twilio.voice.status-callback.call.completed|unhandled_type");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Batch not readable").contains("not JSON");
    }

    @Test
    void an_inbound_whatsapp_message_opens_the_window_inside_which_a_free_form_send_is_accepted_and_outside_refused() {
        OrganizationId org = fixture.organizationOf(account, token);
        ApiClient api = new ApiClient(port, apiKeys.issue(org, "window test").secret());
        String customer = "+316" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String lapsed = "+317" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        assertThat(api.put("/api/v1/whatsapp-windows/enforcement", "{\"mode\":\"refuse\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> beforeWriting = api.post("/api/v1/messages", freeForm(customer));
        assertThat(beforeWriting.statusCode()).isEqualTo(422);
        assertThat(beforeWriting.body()).contains("63016").contains("has not written").contains("template");

        Instant now = Instant.now();
        assertThat(postSigned(batch(inbound(customer, now), inbound(lapsed, now.minus(Duration.ofHours(25)))))
                .statusCode()).isEqualTo(200);

        assertThat(api.get("/api/v1/whatsapp-windows?recipient=" + customer.replace("+", "%2B")).body())
                .contains("\"open\":true").contains("\"business\":\"whatsapp:+14155238886\"");
        assertThat(api.get("/api/v1/whatsapp-windows").body()).contains("\"enforcement\":\"refuse\"")
                .contains("whatsapp:" + customer).doesNotContain(lapsed);
        HttpResponse<String> inside = api.post("/api/v1/messages", freeForm(customer));
        assertThat(inside.statusCode()).isEqualTo(202);
        HttpResponse<String> outside = api.post("/api/v1/messages", freeForm(lapsed));
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("\"twilioErrorCode\":63016").contains("lastInboundAt");
        assertThat(api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + lapsed
                + "\",\"template\":{\"contentSid\":\"HX0123456789abcdef0123456789abcdef\"}}").statusCode())
                .as("a template may be sent at any time").isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from messages where org_id = :org and direction = 'incoming' "
                + "and status = 'received'").param("org", org.value()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from inbound_messages where org_id = :org").param("org", org.value())
                .query(Integer.class).single()).as("V21's name, a view now").isEqualTo(2);
        HttpResponse<String> incoming = api.get("/api/v1/messages?direction=incoming");
        assertThat(incoming.body()).contains("\"direction\":\"incoming\"").doesNotContain("\"direction\":\"outgoing\"")
                .contains("\"from\":\"" + customer + "\"").contains("\"status\":\"received\"");
        assertThat(api.get("/api/v1/messages?direction=outgoing").body()).doesNotContain("\"direction\":\"incoming\"")
                .contains("\"direction\":\"outgoing\"");
        String receivedId = jdbc.sql("select message_id from messages where org_id = :org and direction = 'incoming' "
                + "and from_address = :customer").param("org", org.value()).param("customer", customer)
                .query(String.class).single();
        assertThat(api.get("/api/v1/messages/" + receivedId).body()).contains("\"direction\":\"incoming\"")
                .contains("\"from\":\"whatsapp:" + customer + "\"");

        HttpResponse<String> conversation = api.get("/api/v1/conversations?recipient=whatsapp:" + customer.replace("+", "%2B"));
        assertThat(conversation.statusCode()).isEqualTo(200);
        assertThat(conversation.body()).contains("\"direction\":\"incoming\"").contains("Where is my parcel?")
                .contains("\"direction\":\"outgoing\"").contains("\"open\":true");

        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.define(operator, "a-long-enough-password", OperatorRole.VIEWER, Set.of("org " + account));
        DashboardSession browser = new DashboardSession(port);
        browser.signIn(operator, "a-long-enough-password");
        HttpResponse<String> page = browser.get("/dashboard/whatsapp-windows?org=" + org.value());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("WhatsApp windows").contains(Address.whatsapp(customer).toString())
                .doesNotContain(customer).doesNotContain(Address.whatsapp(lapsed).toString())
                .contains("<span id=\"window-enforcement\">refuse</span>");

        String sentId = inside.body().replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1");
        HttpResponse<String> talk = browser.get("/dashboard/messages/" + sentId + "/conversation");
        assertThat(talk.statusCode()).isEqualTo(200);
        assertThat(talk.body()).contains(Address.whatsapp(customer).toString()).doesNotContain(customer)
                .contains("Where is my parcel?").contains("class=\"conversation-received\"")
                .contains("class=\"conversation-sent\"").contains("open until");
        assertThat(browser.get("/dashboard/messages/" + sentId).body()).contains("id=\"conversation-link\"");
        assertThat(browser.get("/dashboard/messages/" + receivedId + "/conversation").body())
                .as("the same conversation, reached from what the customer wrote")
                .contains(Address.whatsapp(customer).toString()).contains("Where is my parcel?")
                .contains("Your parcel is on its way");
        assertThat(browser.get("/dashboard/messages/999999999/conversation").statusCode()).isEqualTo(404);
    }

    private static String freeForm(String to) {
        return "{\"channel\":\"whatsapp\",\"to\":\"" + to + "\",\"body\":\"Your parcel is on its way\"}";
    }

    /** An inbound message event as Twilio's Event Streams documents it (Messaging.InboundMessageV1). */
    private String inbound(String from, Instant at) {
        String sid = DeliveryStoreContract.randomSid().value();
        return """
                {"specversion":"1.0","type":"com.twilio.messaging.inbound-message.received",
                 "source":"/2010-04-01/Accounts/%s/Messages/%s.json","id":"EZ%s",
                 "dataschema":"https://events-schemas.twilio.com/Messaging.InboundMessageV1/6",
                 "datacontenttype":"application/json","time":"%s",
                 "data":{"messageSid":"%s","timestamp":"%s","accountSid":"%s",
                   "eventName":"com.twilio.messaging.inbound-message.received","from":"whatsapp:%s",
                   "to":"whatsapp:+14155238886","numMedia":0,"body":"Where is my parcel?"}}"""
                .formatted(account, sid, UUID.randomUUID().toString().replace("-", ""), at, sid, at, account, from);
    }

    private HttpResponse<String> postSigned(String batch) {
        String pathAndQuery = "/twilio-events?bodySHA256=" + sha256(batch);
        return client().send(pathAndQuery, "application/json", batch,
                TwilioDocumentedSignature.sign(token, client().local(pathAndQuery), Map.of()));
    }

    private HttpResponse<String> callback(MessageSid sid, String status) {
        Map<String, List<String>> form = form("MessageSid", sid.value(), "MessageStatus", status,
                "AccountSid", account.value(), "To", "whatsapp:+31612345678");
        return client().post("/twilio-status", form,
                TwilioDocumentedSignature.sign(token, client().local("/twilio-status"), form));
    }

    private String status(MessageSid sid, String status) {
        return status(sid, status, 0);
    }

    /** A status event as Twilio's Event Streams documents it (Messaging.MessageStatus). */
    private String status(MessageSid sid, String status, int errorCode) {
        String type = "com.twilio.messaging.message." + status.toLowerCase(java.util.Locale.ROOT);
        return """
                {"specversion":"1.0","type":"%s","source":"/2010-04-01/Accounts/%s/Messages/%s.json",
                 "id":"EZ%s","dataschema":"https://events-schemas.twilio.com/Messaging.MessageStatus/8",
                 "datacontenttype":"application/json","time":"2026-11-24T12:00:00.000Z",
                 "data":{"messageSid":"%s","timestamp":"2026-11-24T12:00:00.000Z","accountSid":"%s",
                   "eventName":"%s","apiVersion":"2010-04-01","from":"whatsapp:+14155550100",
                   "to":"whatsapp:+31612345678","messageStatus":"%s",%s"numberOfSegments":1}}"""
                .formatted(type, account, sid, UUID.randomUUID().toString().replace("-", ""), sid, account, type,
                        status, errorCode == 0 ? "" : "\"errorCode\":" + errorCode + ",");
    }

    private static String batch(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> statuses(Message message) {
        return messages.history(message.id().get()).stream().map(DeliveryEvent::reportedStatus).toList();
    }

    private CallbackClient client() {
        return new CallbackClient(port);
    }
}
