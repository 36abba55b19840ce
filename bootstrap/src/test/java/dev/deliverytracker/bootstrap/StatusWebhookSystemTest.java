package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook through the real HTTP server and PostgreSQL, with signatures computed as Twilio
 * documents them. Every test makes its own organization, account and messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "tracker.twilio.auth-token=configured-token",
        "tracker.dispatch.enabled=false"})
class StatusWebhookSystemTest {

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
    MeterRegistry meters;

    @Autowired
    DeliveryLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organizations organizations;

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private final String token = "token-" + account.value().substring(30);

    @Test
    void a_normal_sequence_lands_in_order() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        MessageSid sid = message.sid().get();

        for (String status : List.of("sent", "delivered", "read")) {
            assertThat(post(sid, status).statusCode()).isEqualTo(200);
        }

        assertThat(statuses(message)).containsExactly("queued", "sent", "delivered", "read");
        assertThat(messages.findBySid(sid).orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void shuffled_and_doubled_callbacks_end_with_the_same_rows_and_status() {
        OrganizationId org = fixture.organizationOf(account, token);
        List<String> sequence = List.of("sent", "delivered", "read");
        Message inOrder = fixture.acceptedMessage(org);
        sequence.forEach(status -> post(inOrder.sid().get(), status));

        Message chaotic = fixture.acceptedMessage(org);
        List<String> doubled = new ArrayList<>(sequence);
        doubled.addAll(sequence);
        Collections.shuffle(doubled, new Random(7));
        for (String status : doubled) {
            assertThat(post(chaotic.sid().get(), status).statusCode()).isEqualTo(200);
        }

        assertThat(statuses(chaotic)).containsExactlyInAnyOrderElementsOf(statuses(inOrder)).hasSize(4);
        assertThat(messages.findBySid(chaotic.sid().get()).orElseThrow().status())
                .isEqualTo(messages.findBySid(inOrder.sid().get()).orElseThrow().status());
    }

    @Test
    void callbacks_are_counted_by_status_and_outcome() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        double before = meters.counter("tracker.callbacks", "status", "sent", "outcome", "duplicate").count();
        post(message.sid().get(), "sent");
        post(message.sid().get(), "sent");
        assertThat(meters.counter("tracker.callbacks", "status", "sent", "outcome", "duplicate").count())
                .isEqualTo(before + 1);
        assertThat(meters.get("tracker.ingest.batch.size").summary().count()).as("batches written").isPositive();
        assertThat(meters.get("tracker.ingest.waiting").gauge().value()).as("nothing left waiting").isZero();
    }

    @Test
    void a_sent_arriving_after_delivered_leaves_delivered() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        post(message.sid().get(), "delivered");
        assertThat(post(message.sid().get(), "sent").statusCode()).isEqualTo(200);
        assertThat(messages.findBySid(message.sid().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void for_an_organization_that_keeps_them_unmatched_a_callback_before_the_sid_is_stored_is_attached_once_it_is() {
        OrganizationId org = fixture.organizationOf(account, token);
        // Without our id in its URL the callback is another application's message, adopted by default.
        organizations.adoption(org, AdoptionPolicy.KEEP_UNMATCHED);
        Message pending = fixture.pendingMessage(org);
        MessageSid sid = DeliveryStoreContract.randomSid();

        assertThat(post(sid, "delivered").statusCode()).isEqualTo(200);
        assertThat(unmatchedCount(sid)).isEqualTo(1);

        Message accepted = log.accepted(pending.id().get(), DeliveryEvent.of(sid, DeliveryStatus.QUEUED,
                DeliveryError.NONE, EventSource.SEND_RESPONSE, Instant.now()));
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(unmatchedCount(sid)).isZero();
    }

    @Test
    void our_message_id_in_the_url_finds_the_message_before_its_sid_is_known() {
        Message pending = fixture.pendingMessage(fixture.organizationOf(account, token));
        MessageSid sid = DeliveryStoreContract.randomSid();
        String path = "/twilio-status?mid=" + pending.id().get();
        Map<String, List<String>> form = callback(sid, "sent");
        HttpResponse<String> response = client().post(path, form,
                TwilioDocumentedSignature.sign(token, client().local(path), form));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messages.find(pending.id().get()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void a_callback_signed_with_another_organizations_token_is_refused() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        AccountSid otherAccount = DeliveryStoreContract.randomAccount();
        fixture.organizationOf(otherAccount, "other-token");
        Map<String, List<String>> form = callback(message.sid().get(), "delivered");

        HttpResponse<String> response = client().post("/twilio-status", form,
                TwilioDocumentedSignature.sign("other-token", client().local("/twilio-status"), form));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("does not match");
        assertThat(statuses(message)).containsExactly("queued");
        assertThat(jdbc.sql("select count(*) from refused_callbacks where account_sid = :account")
                .param("account", account.value()).query(Long.class).single()).as("kept in quarantine").isEqualTo(1);
    }

    @Test
    void during_a_rotation_callbacks_signed_with_either_token_are_recorded() {
        OrganizationId org = organizations.ensure("rotating " + account,
                new TwilioAccountCredentials(account, token + "-new", token));
        Message message = fixture.acceptedMessage(org);
        Map<String, List<String>> oldSigned = callback(message.sid().get(), "sent");
        Map<String, List<String>> newSigned = callback(message.sid().get(), "delivered");
        Map<String, List<String>> neither = callback(message.sid().get(), "read");

        assertThat(client().post("/twilio-status", oldSigned,
                TwilioDocumentedSignature.sign(token, client().local("/twilio-status"), oldSigned)).statusCode())
                .isEqualTo(200);
        assertThat(client().post("/twilio-status", newSigned,
                TwilioDocumentedSignature.sign(token + "-new", client().local("/twilio-status"), newSigned))
                .statusCode()).isEqualTo(200);
        assertThat(client().post("/twilio-status", neither,
                TwilioDocumentedSignature.sign("retired-token", client().local("/twilio-status"), neither))
                .statusCode()).isEqualTo(403);
        assertThat(statuses(message)).containsExactly("queued", "sent", "delivered");
    }

    @Test
    void a_callback_without_signature_is_refused() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        HttpResponse<String> response = client().post("/twilio-status", callback(message.sid().get(), "sent"), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("X-Twilio-Signature header is missing");
    }

    @Test
    void a_callback_through_a_proxy_verifies_against_the_public_url() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        Map<String, List<String>> form = callback(message.sid().get(), "sent");
        String signature = TwilioDocumentedSignature.sign(token, "https://tracker.example.com/twilio-status", form);

        HttpResponse<String> response = client().post("/twilio-status", form, signature,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "tracker.example.com", "X-Forwarded-Port", "443");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_proxy_on_a_non_default_port_keeps_the_port_in_the_signed_url() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        Map<String, List<String>> form = callback(message.sid().get(), "sent");
        String signature = TwilioDocumentedSignature.sign(token, "https://tracker.example.com:8443/twilio-status",
                form);

        HttpResponse<String> wrongPort = client().post("/twilio-status", form, signature,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "tracker.example.com");
        HttpResponse<String> rightPort = client().post("/twilio-status", form, signature,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "tracker.example.com", "X-Forwarded-Port", "8443");

        assertThat(wrongPort.statusCode()).isEqualTo(403);
        assertThat(rightPort.statusCode()).isEqualTo(200);
    }

    @Test
    void a_signed_callback_without_message_sid_gets_400_and_is_kept() {
        fixture.organizationOf(account, token);
        Map<String, List<String>> form = form("MessageStatus", "sent", "AccountSid", account.value());
        HttpResponse<String> response = client().post("/twilio-status", form,
                TwilioDocumentedSignature.sign(token, client().local("/twilio-status"), form));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageSid is required");
        assertThat(rejectedReasons()).contains("MessageSid is required");
    }

    @Test
    void a_status_that_is_not_a_word_gets_400_and_is_kept() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        HttpResponse<String> response = post(message.sid().get(), "de livered!");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("status must be a lower-case word");
        assertThat(rejectedReasons()).anyMatch(reason -> reason.startsWith("status must be a lower-case word"));
    }

    @Test
    void a_wrong_content_type_gets_400_with_the_reason() {
        HttpResponse<String> response = client().send("/twilio-status", "application/json", "{}", "sig");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Content-Type must be application/x-www-form-urlencoded");
    }

    @Test
    void a_body_over_the_limit_gets_400() {
        String huge = "Junk=" + "x".repeat(70_000);
        HttpResponse<String> response = client().send("/twilio-status", "application/x-www-form-urlencoded", huge,
                "sig");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("body is larger than 65536 bytes");
    }

    @Test
    void a_signed_callback_on_a_path_the_firewall_refuses_gets_400_and_is_not_recorded() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        Map<String, List<String>> form = callback(message.sid().get(), "delivered");
        String path = "/twilio-status;jsessionid=x";

        HttpResponse<String> response = client().post(path, form,
                TwilioDocumentedSignature.sign(token, client().local(path), form));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Request rejected\"").contains("potentially malicious String");
        assertThat(statuses(message)).containsExactly("queued");
    }

    @Test
    void other_methods_on_the_webhook_path_get_405() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(client().local("/twilio-status"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).contains("GET is not supported");
    }

    @Test
    void a_refusal_is_a_problem_naming_the_webhook_path() {
        HttpResponse<String> response = client().send("/twilio-status", "text/plain", "x", "sig");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"about:blank\"", "\"title\":\"Callback not readable\"",
                "\"status\":400", "\"instance\":\"/twilio-status\"");
    }

    @Test
    void unknown_parameters_are_kept_in_the_payload() {
        Message message = fixture.acceptedMessage(fixture.organizationOf(account, token));
        Map<String, List<String>> form = callback(message.sid().get(), "delivered");
        form.put("ChannelPrefix", List.of("whatsapp"));
        form.put("SomethingTwilioAddsTomorrow", List.of("42"));
        client().post("/twilio-status", form, TwilioDocumentedSignature.sign(token, client().local("/twilio-status"), form));
        String payload = jdbc.sql("select provider_payload::text from message_delivery_log where dedupe_key = :key")
                .param("key", message.sid().get().value() + ":delivered:0").query(String.class).single();
        assertThat(payload).contains("\"SomethingTwilioAddsTomorrow\": \"42\"").contains("\"ChannelPrefix\": \"whatsapp\"");
    }

    private HttpResponse<String> post(MessageSid sid, String status) {
        Map<String, List<String>> form = callback(sid, status);
        return client().post("/twilio-status", form,
                TwilioDocumentedSignature.sign(token, client().local("/twilio-status"), form));
    }

    private Map<String, List<String>> callback(MessageSid sid, String status) {
        return form("MessageSid", sid.value(), "SmsSid", sid.value(), "MessageStatus", status, "SmsStatus", status,
                "AccountSid", account.value(), "From", "whatsapp:+14155550100", "To", "whatsapp:+31612345678",
                "ApiVersion", "2010-04-01");
    }

    private CallbackClient client() {
        return new CallbackClient(port);
    }

    private List<String> statuses(Message message) {
        return messages.history(message.id().get()).stream().map(DeliveryEvent::reportedStatus).toList();
    }

    private int unmatchedCount(MessageSid sid) {
        return jdbc.sql("select count(*) from message_delivery_log where provider_sid = :sid and message_id is null")
                .param("sid", sid.value()).query(Integer.class).single();
    }

    private List<String> rejectedReasons() {
        return jdbc.sql("select reason from rejected_callbacks where account_sid = :account")
                .param("account", account.value()).query(String.class).list();
    }
}
