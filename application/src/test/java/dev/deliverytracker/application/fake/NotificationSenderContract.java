package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every notification sender promises ({@link NotificationSender}), run against the in-memory
 * {@link ScriptedNotificationSender} and against the HTTP sender with receivers on loopback: what the
 * receiver answered is the answer, a failure is an answer too (the future never fails), and an address
 * the rules forbid is never posted to.
 */
public abstract class NotificationSenderContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract NotificationSender sender();

    /** A receiver that answers every post with {@code status}. */
    protected abstract URI answering(int status);

    /** An address where nothing answers. */
    protected abstract URI unreachable();

    /** An address the sender's rules forbid (a private network, say). */
    protected abstract URI forbidden();

    /** The bodies the receiver at {@code url} was posted, in order. */
    protected abstract List<String> receivedAt(URI url);

    @Test
    void a_2xx_is_taken_and_the_receiver_has_the_exact_body_once() throws Exception {
        URI receiver = answering(204);
        OutgoingNotification notification = notification(receiver);

        assertThat(answer(notification)).isEqualTo(new ReceiverAnswer.Took(204));
        assertThat(receivedAt(receiver)).containsExactly(notification.body());
    }

    @Test
    void gone_is_gone_and_any_other_status_declined() throws Exception {
        assertThat(answer(notification(answering(410)))).isEqualTo(new ReceiverAnswer.Gone());
        assertThat(answer(notification(answering(500)))).isEqualTo(new ReceiverAnswer.Declined(500));
        assertThat(answer(notification(answering(404)))).isEqualTo(new ReceiverAnswer.Declined(404));
    }

    @Test
    void nobody_answering_is_an_answer_not_a_failure() throws Exception {
        assertThat(answer(notification(unreachable()))).isInstanceOf(ReceiverAnswer.Unreachable.class);
    }

    @Test
    void it_says_how_long_an_exchange_may_take_and_how_many_it_carries_to_one_receiver() {
        assertThat(sender().longestExchange()).isGreaterThanOrEqualTo(java.time.Duration.ZERO);
        assertThat(sender().postsPerReceiver()).isPositive();
    }

    @Test
    void a_forbidden_address_is_answered_forbidden_and_never_posted_to() throws Exception {
        URI forbidden = forbidden();

        assertThat(answer(notification(forbidden))).isInstanceOf(ReceiverAnswer.Forbidden.class);
        assertThat(receivedAt(forbidden)).isEmpty();
    }

    private ReceiverAnswer answer(OutgoingNotification notification) throws Exception {
        return sender().send(notification).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static OutgoingNotification notification(URI url) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        return new OutgoingNotification(new SubscriptionId(1), url, id,
                "{\"id\":\"" + id + "\",\"type\":\"message.sent\",\"text\":\"ünïcode ✓\"}", List.of(WebhookSecret.generate()),
                Instant.now());
    }
}
