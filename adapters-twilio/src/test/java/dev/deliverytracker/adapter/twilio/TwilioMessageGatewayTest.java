package dev.deliverytracker.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.CreateFault;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway through real twilio-java against the in-process simulator; no mocks. */
class TwilioMessageGatewayTest {

    private static final String CALLBACK = "http://127.0.0.1:9/twilio/status?mid=42#rc=3&rp=5xx,ct,rt";
    private static final Address RECIPIENT = Address.sms("+4915112345678");
    private static final Sender SMS_SENDER = new Sender.Number(Address.sms("+15005550006"));
    private static final MessageContent TEXT = new MessageContent.Text("Your parcel is on its way");

    private TwilioSimulator simulator;
    private AccountSid account;
    private final Map<AccountSid, String> tokens = new ConcurrentHashMap<>();
    private TwilioMessageGateway gateway;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        // No callbacks: these tests are about the create; nothing listens at the callback URL.
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        account = AccountSid.of(simulator.accountSid());
        tokens.put(account, simulator.authToken());
        gateway = new TwilioMessageGateway(tokens::get, simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private OutgoingMessage sms(Address to) {
        return new OutgoingMessage(MessageId.of(42), account, to, SMS_SENDER, TEXT, CALLBACK);
    }

    @Test
    void a_text_message_is_accepted_with_its_callback_url() {
        SendResult result = gateway.send(sms(RECIPIENT));

        assertThat(result).isInstanceOfSatisfying(SendResult.Accepted.class, accepted -> {
            assertThat(accepted.sid().value()).matches("SM[0-9a-f]{32}");
            assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
            SimulatedMessage stored = simulator.message(accepted.sid().value()).orElseThrow();
            assertThat(stored.statusCallback()).isEqualTo(CALLBACK);
            assertThat(stored.to()).isEqualTo("+4915112345678");
            assertThat(stored.from()).isEqualTo("+15005550006");
            assertThat(stored.body()).isEqualTo("Your parcel is on its way");
            assertThat(stored.accountSid()).isEqualTo(account.value());
        });
    }

    @Test
    void a_message_twilio_already_took_is_found_instead_of_sent_again() {
        Instant before = Instant.now();
        SendResult.Accepted first = (SendResult.Accepted) gateway.send(sms(RECIPIENT));

        assertThat(gateway.findAccepted(sms(RECIPIENT), before)).contains(first);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    void another_text_to_the_same_recipient_is_not_mistaken_for_ours() {
        Instant before = Instant.now();
        gateway.send(new OutgoingMessage(MessageId.of(41), account, RECIPIENT, SMS_SENDER,
                new MessageContent.Text("Another text"), CALLBACK));

        assertThat(gateway.findAccepted(sms(RECIPIENT), before)).isEmpty();
        assertThat(gateway.findAccepted(sms(Address.sms("+4915187654321")), before)).isEmpty();
    }

    @Test
    void a_whatsapp_template_is_accepted_with_its_content_sid() {
        ContentSid template = ContentSid.of("HX" + "b".repeat(32));
        OutgoingMessage message = new OutgoingMessage(MessageId.of(7), account, Address.whatsapp("+4915112345678"),
                new Sender.Number(Address.whatsapp("+14155238886")),
                new MessageContent.Template(template, Map.of("1", "42", "2", "Monday")), CALLBACK);

        SendResult result = gateway.send(message);

        assertThat(result).isInstanceOfSatisfying(SendResult.Accepted.class, accepted -> {
            assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
            SimulatedMessage stored = simulator.message(accepted.sid().value()).orElseThrow();
            assertThat(stored.to()).isEqualTo("whatsapp:+4915112345678");
            assertThat(stored.from()).isEqualTo("whatsapp:+14155238886");
            assertThat(stored.contentSid()).isEqualTo(template.value());
            assertThat(stored.body()).isEmpty();
        });
    }

    @Test
    void a_message_through_a_messaging_service_answers_accepted() {
        MessagingServiceSid service = MessagingServiceSid.of("MG" + "a".repeat(32));
        OutgoingMessage message = new OutgoingMessage(MessageId.of(8), account, RECIPIENT, new Sender.Service(service),
                TEXT, CALLBACK);

        SendResult result = gateway.send(message);

        assertThat(result).isInstanceOfSatisfying(SendResult.Accepted.class, accepted -> {
            assertThat(accepted.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(simulator.message(accepted.sid().value()).orElseThrow().messagingServiceSid())
                    .isEqualTo(service.value());
        });
    }

    @Test
    void an_invalid_recipient_is_rejected_with_21211() {
        rejectOnCreate("^\\+4915100000001$", 21211);

        SendResult result = gateway.send(sms(Address.sms("+4915100000001")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.error().code()).isEqualTo(21211));
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void an_unsubscribed_recipient_is_rejected_with_21610_and_twilios_message() {
        rejectOnCreate("^\\+4915100000002$", 21610);

        SendResult result = gateway.send(sms(Address.sms("+4915100000002")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, rejected -> {
            assertThat(rejected.error().code()).isEqualTo(21610);
            assertThat(rejected.error().message()).isNotBlank();
        });
    }

    @Test
    void a_refusal_that_passes_with_time_is_transient_not_rejected() {
        // 21611: the sender's queue is full; Twilio answers 400, but the domain knows it as "retry later".
        rejectOnCreate("^\\+4915100000003$", 21611);

        SendResult result = gateway.send(sms(Address.sms("+4915100000003")));

        assertThat(result).isInstanceOfSatisfying(SendResult.TransientFailure.class, failure -> {
            assertThat(failure.httpStatus()).isEqualTo(400);
            assertThat(failure.errorCode()).isEqualTo(21611);
        });
    }

    @Test
    void a_rate_limit_is_transient_and_stores_nothing_then_the_next_send_is_accepted() {
        simulator.injectCreateFaults(CreateFault.TOO_MANY_REQUESTS, 1);

        SendResult first = gateway.send(sms(RECIPIENT));

        assertThat(first).isInstanceOfSatisfying(SendResult.TransientFailure.class, failure -> {
            assertThat(failure.httpStatus()).isEqualTo(429);
            assertThat(failure.errorCode()).isEqualTo(20429);
        });
        assertThat(simulator.messages()).isEmpty();

        assertThat(gateway.send(sms(RECIPIENT))).isInstanceOf(SendResult.Accepted.class);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    void a_create_stored_but_answered_500_is_transient_and_makes_exactly_one_message() {
        simulator.injectCreateFaults(CreateFault.ACCEPT_THEN_SERVER_ERROR, 3);

        SendResult result = gateway.send(sms(RECIPIENT));

        assertThat(result).isInstanceOfSatisfying(SendResult.TransientFailure.class,
                failure -> assertThat(failure.httpStatus()).isEqualTo(500));
        assertThat(simulator.messages()).hasSize(1);
        assertThat(simulator.remainingCreateFaults()).isEqualTo(2);
    }

    @Test
    void no_answer_at_all_is_transient() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        TwilioMessageGateway unreachable = new TwilioMessageGateway(tokens::get, nobodyListens);

        SendResult result = unreachable.send(sms(RECIPIENT));

        assertThat(result).isInstanceOfSatisfying(SendResult.TransientFailure.class, failure -> {
            assertThat(failure.wasAnswered()).isFalse();
            assertThat(failure.reason()).startsWith("no answer from Twilio");
        });
    }

    @Test
    void a_wrong_auth_token_is_rejected_with_20003() {
        tokens.put(account, "not-the-token");

        SendResult result = gateway.send(sms(RECIPIENT));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.error().code()).isEqualTo(20003));
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void an_account_without_a_token_is_refused_before_twilio_is_called() {
        tokens.remove(account);

        assertThatThrownBy(() -> gateway.send(sms(RECIPIENT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Twilio auth token is configured for account " + account);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void the_client_of_an_account_is_reused_across_sends() {
        gateway.send(sms(RECIPIENT));
        var client = gateway.clientFor(account);
        gateway.send(sms(RECIPIENT));

        assertThat(gateway.clientFor(account)).isSameAs(client);
        assertThat(simulator.messages()).hasSize(2);
    }

    @Test
    void each_account_sends_with_its_own_client_and_a_rotated_token_gets_a_new_one() {
        AccountSid subaccount = AccountSid.of("AC" + "1".repeat(32));
        simulator.registerAccount(subaccount.value(), "sub-token");
        tokens.put(subaccount, "sub-token");
        var mainClient = gateway.clientFor(account);

        SendResult sent = gateway.send(new OutgoingMessage(MessageId.of(9), subaccount, RECIPIENT, SMS_SENDER, TEXT,
                CALLBACK));

        assertThat(gateway.clientFor(subaccount)).isNotSameAs(mainClient);
        assertThat(sent).isInstanceOfSatisfying(SendResult.Accepted.class, accepted -> assertThat(
                simulator.message(accepted.sid().value()).orElseThrow().accountSid()).isEqualTo(subaccount.value()));

        var before = gateway.clientFor(subaccount);
        simulator.registerAccount(subaccount.value(), "rotated-token");
        tokens.put(subaccount, "rotated-token");
        assertThat(gateway.clientFor(subaccount)).isNotSameAs(before);
        assertThat(gateway.send(new OutgoingMessage(MessageId.of(10), subaccount, RECIPIENT, SMS_SENDER, TEXT,
                CALLBACK))).isInstanceOf(SendResult.Accepted.class);
    }

    @Test
    void the_organizations_default_sender_must_be_resolved_before_the_gateway() {
        assertThatThrownBy(() -> new OutgoingMessage(MessageId.of(42), account, RECIPIENT,
                Sender.organizationDefault(), TEXT, CALLBACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outgoing message 42 needs a resolved sender (a number or a Messaging Service SID), "
                        + "was the organization's default");
    }

    @Test
    void a_callback_url_that_is_not_absolute_http_is_refused() {
        assertThatThrownBy(() -> new OutgoingMessage(MessageId.of(42), account, RECIPIENT, SMS_SENDER, TEXT,
                "/twilio/status?mid=42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statusCallbackUrl of outgoing message 42 must be an absolute http(s) URL");
    }

    private void rejectOnCreate(String toPattern, int code) {
        simulator.behaviour(simulator.behaviour().withRule(toPattern, Outcome.rejectOnCreate(code)));
    }
}
