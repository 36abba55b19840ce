package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What every message gateway promises ({@link MessageGateway}): one call is one attempt, a refusal for
 * good is told from one that may pass, and what the provider took can be found again, so a retry never
 * sends twice. Run against {@link ScriptedMessageGateway} and against twilio-java talking to the
 * Twilio simulator. The provider's behaviour is set through the hooks below, each for the next send.
 */
public abstract class MessageGatewayContract {

    protected static final String CALLBACK = "http://127.0.0.1:9/twilio-status?mid=42";
    protected static final Address RECIPIENT = Address.sms("+4915112345678");
    protected static final Sender SMS_SENDER = new Sender.Number(Address.sms("+15005550006"));
    protected static final MessageContent TEXT = new MessageContent.Text("Your parcel is on its way");

    protected abstract MessageGateway gateway();

    /** An account the gateway has credentials for. */
    protected abstract AccountSid account();

    /** The provider refuses, for good, every message to {@code to} with Twilio's {@code code}. */
    protected abstract void refuseRecipient(Address to, int code);

    /** The provider answers the next send with 429 and stores nothing. */
    protected abstract void rateLimitNextSend();

    /** The provider stores the next message but answers its send with 500. */
    protected abstract void storeButFailNextSend();

    /** How many messages the provider holds. */
    protected abstract int taken();

    /** An instant safely before anything the test sends, for {@link MessageGateway#findAccepted}. */
    protected Instant beforeTheTest() {
        return Instant.now().minus(1, ChronoUnit.MINUTES);
    }

    protected OutgoingMessage message(long id, Address to, Sender sender, MessageContent content) {
        return new OutgoingMessage(MessageId.of(id), account(), to, sender, content, CALLBACK);
    }

    @Test
    void each_message_taken_is_accepted_under_a_sid_of_its_own_and_queued() {
        SendResult first = gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));
        SendResult second = gateway().send(message(2, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(first).isInstanceOfSatisfying(SendResult.Accepted.class, accepted -> {
            assertThat(accepted.sid().value()).matches("(SM|MM)[0-9a-f]{32}");
            assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
        });
        assertThat(((SendResult.Accepted) second).sid()).isNotEqualTo(((SendResult.Accepted) first).sid());
        assertThat(taken()).isEqualTo(2);
    }

    @Test
    void a_message_through_a_messaging_service_is_accepted_before_it_is_queued() {
        Sender service = new Sender.Service(MessagingServiceSid.of("MG" + "a".repeat(32)));

        assertThat(gateway().send(message(1, RECIPIENT, service, TEXT))).isInstanceOfSatisfying(
                SendResult.Accepted.class, accepted -> assertThat(accepted.status()).isEqualTo(DeliveryStatus.ACCEPTED));
    }

    @Test
    void a_message_the_provider_took_is_found_again_by_what_it_looks_like_whatever_our_id() {
        Instant before = beforeTheTest();
        SendResult.Accepted sent = (SendResult.Accepted) gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(gateway().findAccepted(message(1, RECIPIENT, SMS_SENDER, TEXT), before)).containsExactly(sent);
        assertThat(gateway().findAccepted(message(2, RECIPIENT, SMS_SENDER, TEXT), before))
                .as("a look-alike sent for another message is among them: only the caller knows which SIDs are taken")
                .containsExactly(sent);
    }

    @Test
    void another_text_or_another_recipient_is_not_mistaken_for_it() {
        Instant before = beforeTheTest();
        gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(gateway().findAccepted(message(1, RECIPIENT, SMS_SENDER, new MessageContent.Text("Another text")),
                before)).isEmpty();
        assertThat(gateway().findAccepted(message(1, Address.sms("+4915187654321"), SMS_SENDER, TEXT), before))
                .isEmpty();
    }

    @Test
    void a_refusal_for_good_is_rejected_with_twilios_code_and_nothing_is_taken() {
        Address unsubscribed = Address.sms("+4915100000002");
        refuseRecipient(unsubscribed, 21610);

        SendResult result = gateway().send(message(1, unsubscribed, SMS_SENDER, TEXT));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.error().code()).isEqualTo(21610));
        assertThat(taken()).isZero();
        assertThat(gateway().findAccepted(message(1, unsubscribed, SMS_SENDER, TEXT), beforeTheTest())).isEmpty();
    }

    @Test
    void a_rate_limit_is_transient_stores_nothing_and_the_next_send_is_accepted() {
        rateLimitNextSend();

        SendResult first = gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(first).isInstanceOfSatisfying(SendResult.TransientFailure.class, failure -> {
            assertThat(failure.httpStatus()).isEqualTo(429);
            assertThat(failure.wasAnswered()).isTrue();
        });
        assertThat(taken()).isZero();
        assertThat(gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT))).isInstanceOf(SendResult.Accepted.class);
        assertThat(taken()).isEqualTo(1);
    }

    @Test
    void a_send_stored_but_answered_with_a_server_error_is_transient_and_found_again_exactly_once() {
        Instant before = beforeTheTest();
        storeButFailNextSend();

        SendResult result = gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(result).isInstanceOfSatisfying(SendResult.TransientFailure.class,
                failure -> assertThat(failure.httpStatus()).isEqualTo(500));
        assertThat(taken()).isEqualTo(1);
        assertThat(gateway().findAccepted(message(1, RECIPIENT, SMS_SENDER, TEXT), before)).hasSize(1);
    }

    @Test
    void a_message_the_provider_took_can_be_fetched_and_an_unknown_sid_is_not_found() {
        SendResult.Accepted sent = (SendResult.Accepted) gateway().send(message(1, RECIPIENT, SMS_SENDER, TEXT));

        assertThat(gateway().fetch(account(), sent.sid())).isInstanceOfSatisfying(PollResult.Found.class,
                found -> assertThat(found.status()).isIn(DeliveryStatus.values()));
        assertThat(gateway().fetch(account(), DeliveryStoreContract.randomSid())).isInstanceOf(PollResult.NotFound.class);
    }
}
