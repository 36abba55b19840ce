package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.deliverytracker.application.fake.InMemoryNotificationOutbox;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedNotificationSender;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.NotificationBackoff;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.Subscription;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadLetterPurgeServiceTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final OrganizationId ORG = OrganizationId.of(1);
    static final URI DEAD = URI.create("https://dead.example.com/hooks");

    final MovableClock clock = new MovableClock(T0);
    final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(subscriptions);
    final ScriptedNotificationSender sender = new ScriptedNotificationSender();
    final NotificationDeliveryService delivery = new NotificationDeliveryService(outbox, subscriptions, sender,
            new NotificationBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO),
            new NotificationDeliveryService.Settings(new ClaimLimits(100, 10, 10, 40), Duration.ofSeconds(30)), clock, () -> 0.5);
    final DeadLetterPurgeService purge = new DeadLetterPurgeService(outbox, Duration.ofDays(30), clock);
    int sequence;

    @Test
    void dead_letters_older_than_the_kept_period_are_deleted_and_younger_ones_kept_for_a_replay() {
        subscriptions.add(Subscription.create(ORG, DEAD, NotificationScope.EVERY_STATUS, Set.of(), Map.of(), T0));
        sender.answer(DEAD, new ReceiverAnswer.Declined(500));
        dieNow();
        clock.advance(Duration.ofDays(20));
        dieNow();

        clock.advance(Duration.ofDays(11));
        assertThat(purge.purgeExpired()).isEqualTo(1);
        assertThat(outbox.deadLetters(ORG, Optional.empty(), 10)).singleElement()
                .satisfies(letter -> assertThat(letter.deadAt()).isEqualTo(T0.plus(Duration.ofDays(20))));
        assertThat(purge.purgeExpired()).as("nothing more is old enough").isZero();
    }

    @Test
    void the_kept_period_is_positive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterPurgeService(outbox, Duration.ZERO, clock));
    }

    /** One notification that fails its only try (a horizon of zero) and so dies at the clock's time. */
    private void dieNow() {
        Message message = Message.pending(ORG, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0).withId(MessageId.of(++sequence))
                .acceptedAs(MessageSid.of(String.format("SM%032d", sequence)));
        message = message.apply(DeliveryEvent.of(message.sid().orElseThrow(), DeliveryStatus.SENT, DeliveryError.NONE,
                EventSource.CALLBACK, clock.instant()));
        outbox.announce(new StatusChange("evt_" + sequence, 1, message, clock.instant()));
        delivery.fanOutDue();
        delivery.deliverDue();
    }
}
