package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twilio.security.RequestValidator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusCallbackTest {

    private static final String TO = "+4915112345678";
    private static final String FROM = "+15005550006";

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

    private String send(String to, String from, String callbackPath) {
        return http.create("To", to, "From", from, "Body", "hi", "StatusCallback", receiver.url(callbackPath)).json().get("sid").asText();
    }

    @Test
    void an_sms_goes_sent_then_delivered_with_twilios_parameters() {
        String sid = send(TO, FROM, "/twilio/status");

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        assertThat(receiver.statusesFor(sid)).containsExactly("sent", "delivered");
        CallbackReceiver.Received delivered = receiver.receivedFor(sid).get(1);
        assertThat(delivered.params()).containsEntry("MessageSid", sid).containsEntry("SmsSid", sid)
                .containsEntry("MessageStatus", "delivered").containsEntry("SmsStatus", "delivered")
                .containsEntry("AccountSid", simulator.accountSid()).containsEntry("From", FROM).containsEntry("To", TO)
                .containsEntry("ApiVersion", "2010-04-01")
                .doesNotContainKeys("ErrorCode", "ChannelPrefix", "MessagingServiceSid", "EventType");
        assertThat(delivered.params().get("RawDlrDoneDate")).matches("\\d{10}");
        assertThat(receiver.receivedFor(sid).get(0).params()).doesNotContainKey("RawDlrDoneDate");
        assertThat(delivered.userAgent()).isEqualTo("TwilioProxy/1.1");
        assertThat(delivered.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(delivered.idempotencyToken()).isNotBlank();
        await().until(() -> "delivered".equals(simulator.message(sid).orElseThrow().status()));
    }

    @Test
    void no_callback_is_posted_for_the_initial_queued_status() {
        String sid = send(TO, FROM, "/s");

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        assertThat(receiver.statusesFor(sid)).doesNotContain("queued");
    }

    @Test
    void every_callback_is_signed_so_that_twilio_javas_validator_accepts_it() {
        String sid = send(TO, FROM, "/twilio/status?mid=42&org=7");

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        RequestValidator validator = new RequestValidator(simulator.authToken());
        for (CallbackReceiver.Received callback : receiver.receivedFor(sid)) {
            assertThat(validator.validate(receiver.url("/twilio/status?mid=42&org=7"), callback.params(), callback.signature())).isTrue();
            // and the guard shows it fails on a wrong token or a tampered parameter
            assertThat(new RequestValidator("other-token").validate(receiver.url("/twilio/status?mid=42&org=7"), callback.params(), callback.signature())).isFalse();
            java.util.Map<String, String> tampered = new java.util.HashMap<>(callback.params());
            tampered.put("MessageStatus", "read");
            assertThat(validator.validate(receiver.url("/twilio/status?mid=42&org=7"), tampered, callback.signature())).isFalse();
        }
    }

    @Test
    void the_signature_covers_the_url_without_its_fragment() {
        String sid = send(TO, FROM, "/twilio/status?mid=1#rc=2&rp=5xx");

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        CallbackReceiver.Received first = receiver.receivedFor(sid).get(0);
        assertThat(new RequestValidator(simulator.authToken()).validate(receiver.url("/twilio/status?mid=1"), first.params(), first.signature())).isTrue();
    }

    @Test
    void a_subaccounts_callbacks_are_signed_with_the_subaccounts_token() {
        String sub = "AC" + "4".repeat(32);
        simulator.registerAccount(sub, "sub-token");
        String sid = http.as(sub, "sub-token").create("To", TO, "From", FROM, "Body", "hi", "StatusCallback", receiver.url("/s")).json().get("sid").asText();

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        CallbackReceiver.Received first = receiver.receivedFor(sid).get(0);
        assertThat(first.params()).containsEntry("AccountSid", sub);
        assertThat(new RequestValidator("sub-token").validate(receiver.url("/s"), first.params(), first.signature())).isTrue();
    }

    @Test
    void whatsapp_goes_sent_delivered_read_with_its_channel_parameters() {
        String sid = send("whatsapp:" + TO, "whatsapp:" + FROM, "/wa");

        await().until(() -> receiver.statusesFor(sid).size() == 3);
        assertThat(receiver.statusesFor(sid)).containsExactly("sent", "delivered", "read");
        for (CallbackReceiver.Received callback : receiver.receivedFor(sid)) {
            assertThat(callback.params()).containsEntry("ChannelPrefix", "whatsapp").containsEntry("ChannelToAddress", TO)
                    .containsEntry("To", "whatsapp:" + TO).containsEntry("From", "whatsapp:" + FROM).doesNotContainKey("RawDlrDoneDate");
            assertThat(callback.params().get("ChannelInstallSid")).matches("XE[0-9a-f]{32}");
        }
        assertThat(receiver.receivedFor(sid).get(2).params()).containsEntry("EventType", "READ");
        assertThat(receiver.receivedFor(sid).get(1).params()).doesNotContainKey("EventType");
        await().until(() -> "read".equals(simulator.message(sid).orElseThrow().status()));
    }

    @Test
    void with_a_messaging_service_queued_is_posted_first() {
        String service = "MG" + "c".repeat(32);
        TwilioHttp.Answer created = http.create("To", TO, "MessagingServiceSid", service, "Body", "hi", "StatusCallback", receiver.url("/s"));
        String sid = created.json().get("sid").asText();
        // the create answer shows the initial status however fast the callbacks run
        assertThat(created.json().get("status").asText()).isEqualTo("accepted");

        await().until(() -> receiver.statusesFor(sid).size() == 3);
        assertThat(receiver.statusesFor(sid)).containsExactly("queued", "sent", "delivered");
        assertThat(receiver.receivedFor(sid)).allSatisfy(callback ->
                assertThat(callback.params()).containsEntry("MessagingServiceSid", service).containsEntry("From", MessageIntake.SERVICE_SMS_SENDER));
    }

    @Test
    void a_failed_whatsapp_message_reports_its_error_code_and_channel_status_message() {
        simulator.behaviour(simulator.behaviour().withRule("^whatsapp:", Outcome.failed(63016)));
        String sid = send("whatsapp:" + TO, "whatsapp:" + FROM, "/wa");

        await().until(() -> receiver.statusesFor(sid).size() == 1);
        CallbackReceiver.Received failed = receiver.receivedFor(sid).get(0);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.params()).containsEntry("ErrorCode", "63016").containsKey("ChannelStatusMessage").containsKey("ErrorMessage");
        await().until(() -> simulator.message(sid).orElseThrow().errorCode() == 63016);
        assertThat(http.get(http.messagesPath().replace(".json", "/" + sid + ".json")).json().get("error_code").asInt()).isEqualTo(63016);
    }

    @Test
    void an_undelivered_sms_is_sent_first_then_undelivered_with_the_carriers_code() {
        simulator.behaviour(simulator.behaviour().withRule("5678$", Outcome.undelivered(30003)));
        String sid = send(TO, FROM, "/s");

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        assertThat(receiver.statusesFor(sid)).containsExactly("sent", "undelivered");
        assertThat(receiver.receivedFor(sid).get(1).params()).containsEntry("ErrorCode", "30003").containsKey("RawDlrDoneDate");
    }

    @Test
    void the_first_matching_rule_wins_and_others_take_the_default() {
        simulator.behaviour(simulator.behaviour()
                .withRule("^\\+4915112345678$", Outcome.failed(30007))
                .withRule("^\\+49", Outcome.undelivered(30005)));
        String exact = send(TO, FROM, "/s");
        String german = send("+4917012345678", FROM, "/s");
        String other = send("+14155550100", FROM, "/s");

        await().until(() -> receiver.received().size() == 1 + 2 + 2);
        assertThat(receiver.statusesFor(exact)).containsExactly("failed");
        assertThat(receiver.statusesFor(german)).containsExactly("sent", "undelivered");
        assertThat(receiver.statusesFor(other)).containsExactly("sent", "delivered");
    }

    @Test
    void a_failure_rate_of_one_fails_every_message_with_its_code() {
        simulator.behaviour(simulator.behaviour().withFailureRate(1.0, 30008));
        String sid = send(TO, FROM, "/s");

        await().until(() -> receiver.statusesFor(sid).size() == 1);
        assertThat(receiver.receivedFor(sid).get(0).params()).containsEntry("MessageStatus", "failed").containsEntry("ErrorCode", "30008");
    }

    @Test
    void no_callbacks_means_none_are_posted_and_the_message_stays_queued() {
        simulator.behaviour(simulator.behaviour().withRule(".", Outcome.noCallbacks()).withDefaultOutcome(Outcome.delivered()));
        String silent = send(TO, FROM, "/s");
        simulator.behaviour(simulator.behaviour().withoutRules());
        String marker = send(TO, FROM, "/s");

        // the later message's callbacks prove the dispatcher ran past the silent one
        await().until(() -> receiver.statusesFor(marker).size() == 2);
        assertThat(receiver.receivedFor(silent)).isEmpty();
        assertThat(simulator.message(silent).orElseThrow().status()).isEqualTo("queued");
    }

    @Test
    void a_duplicate_is_the_same_event_again_with_a_new_idempotency_token() {
        simulator.behaviour(simulator.behaviour().withDuplicateRate(1.0));
        String sid = send(TO, FROM, "/s");

        await().until(() -> receiver.statusesFor(sid).size() == 4);
        List<CallbackReceiver.Received> callbacks = receiver.receivedFor(sid);
        assertThat(receiver.statusesFor(sid)).containsExactly("sent", "sent", "delivered", "delivered");
        assertThat(callbacks.get(1).params()).isEqualTo(callbacks.get(0).params());
        assertThat(callbacks.get(1).signature()).isEqualTo(callbacks.get(0).signature());
        assertThat(callbacks.get(1).idempotencyToken()).isNotEqualTo(callbacks.get(0).idempotencyToken());
    }

    @Test
    void out_of_order_callbacks_arrive_shuffled_but_the_message_ends_in_its_real_status() {
        simulator.behaviour(simulator.behaviour().withOutOfOrderRate(1.0));
        String sid = send("whatsapp:" + TO, "whatsapp:" + FROM, "/wa");

        await().until(() -> receiver.statusesFor(sid).size() == 3);
        assertThat(receiver.statusesFor(sid)).containsExactlyInAnyOrder("sent", "delivered", "read")
                .isNotEqualTo(List.of("sent", "delivered", "read"));
        assertThat(simulator.message(sid).orElseThrow().status()).isEqualTo("read");
    }

    @Test
    void in_early_callback_mode_the_first_callback_arrives_before_the_create_response() {
        simulator.behaviour(simulator.behaviour().withEarlyCallback(true));
        AtomicBoolean createAnswered = new AtomicBoolean();
        List<Boolean> answeredWhenReceived = new java.util.concurrent.CopyOnWriteArrayList<>();
        receiver.onReceive(callback -> answeredWhenReceived.add(createAnswered.get()));

        String sid = send(TO, FROM, "/s");
        createAnswered.set(true);

        await().until(() -> receiver.statusesFor(sid).size() == 2);
        assertThat(answeredWhenReceived.get(0)).as("create answered when the first callback came").isFalse();
        assertThat(receiver.statusesFor(sid)).containsExactly("sent", "delivered");
    }

    @Test
    void without_a_status_callback_the_status_still_moves() {
        String sid = http.create("To", TO, "From", FROM, "Body", "hi").json().get("sid").asText();

        await().until(() -> "delivered".equals(simulator.message(sid).orElseThrow().status()));
        assertThat(simulator.callbackAttempts()).isEmpty();
    }

    @Test
    void every_try_is_listed_with_the_answer_it_got() {
        receiver.answering(200, 200);
        String sid = send(TO, FROM, "/s");

        await().until(() -> simulator.callbackAttempts().size() == 2);
        assertThat(simulator.callbackAttempts().stream().map(CallbackAttempt::responseCode).collect(Collectors.toList()))
                .containsExactly(200, 200);
        assertThat(simulator.callbackAttempts()).allSatisfy(attempt -> {
            assertThat(attempt.messageSid()).isEqualTo(sid);
            assertThat(attempt.succeeded()).isTrue();
            assertThat(attempt.url()).isEqualTo(receiver.url("/s"));
        });
    }
}
