package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryNotificationOutbox;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedNotificationSender;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NotificationDeliveryServiceTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final OrganizationId ORG = OrganizationId.of(1);
    static final OrganizationId OTHER_ORG = OrganizationId.of(2);
    static final URI RECEIVER = URI.create("https://receiver.example.com/hooks");
    static final URI DEAD = URI.create("https://dead.example.com/hooks");

    final MovableClock clock = new MovableClock(T0);
    final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(subscriptions);
    final ScriptedNotificationSender sender = new ScriptedNotificationSender();
    final NotificationDeliveryService service = new NotificationDeliveryService(outbox, subscriptions, sender,
            new NotificationBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1)),
            new NotificationDeliveryService.Settings(new ClaimLimits(100, 2, 2, 8), Duration.ofSeconds(30)), clock, () -> 0.5);
    int sequence;

    @Test
    void every_status_change_reaches_a_subscription_that_wants_every_status() {
        Subscription every = subscribe(ORG, RECEIVER, NotificationScope.EVERY_STATUS);
        Message message = message(ORG, Channel.WHATSAPP, Map.of());
        for (DeliveryStatus status : List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
                DeliveryStatus.READ)) {
            message = message.apply(event(message, status));
            outbox.announce(change(message));
        }

        assertThat(service.fanOutDue()).isEqualTo(4);
        assertThat(service.deliverDue()).as("two at a time for one subscription").isEqualTo(2);
        service.deliverDue();

        assertThat(sender.sent()).extracting(OutgoingNotification::subscription).containsOnly(every.id());
        assertThat(sender.sent()).extracting(notification -> notification.body().contains("\"type\":\"message.read\""))
                .containsExactly(false, false, false, true);
        assertThat(outbox.entries()).extracting(InMemoryNotificationOutbox.Entry::state).containsOnly("delivered");
    }

    @Test
    void a_finished_post_frees_its_place_and_wakes_whoever_waits_to_claim_again() throws InterruptedException {
        subscribe(ORG, RECEIVER, NotificationScope.EVERY_STATUS);
        List<CompletableFuture<ReceiverAnswer>> posts = new ArrayList<>();
        NotificationDeliveryService slow = new NotificationDeliveryService(outbox, subscriptions, new HeldPosts(posts), new NotificationBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1)),
                new NotificationDeliveryService.Settings(new ClaimLimits(100, 2, 2, 8), Duration.ofSeconds(30)), clock, () -> 0.5);
        Message message = message(ORG, Channel.SMS, Map.of());
        for (DeliveryStatus status : List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED)) {
            message = message.apply(event(message, status));
            outbox.announce(change(message));
        }
        slow.fanOutDue();

        assertThat(slow.awaitPostFinished(Duration.ofMillis(1))).as("nothing in flight: no wait").isFalse();
        assertThat(slow.deliverDue()).as("both places taken").isEqualTo(2);
        assertThat(slow.deliverDue()).isZero();
        posts.get(0).complete(new ReceiverAnswer.Took(200));

        assertThat(slow.awaitPostFinished(Duration.ofSeconds(5))).isTrue();
        assertThat(slow.deliverDue()).as("the freed place is claimed again").isEqualTo(1);
        posts.get(1).complete(new ReceiverAnswer.Took(200));
        posts.get(2).complete(new ReceiverAnswer.Took(200));
        assertThat(slow.awaitPostFinished(Duration.ofMillis(1))).as("all settled").isFalse();
    }

    @Test
    void what_receivers_took_keeps_its_place_until_the_next_round_forgets_it_all_at_once() {
        subscribe(ORG, RECEIVER, NotificationScope.EVERY_STATUS);
        List<CompletableFuture<ReceiverAnswer>> posts = new ArrayList<>();
        NotificationDeliveryService later = new NotificationDeliveryService(outbox, subscriptions, new HeldPosts(posts), new NotificationBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1)),
                new NotificationDeliveryService.Settings(new ClaimLimits(100, 2, 2, 8), Duration.ofSeconds(30)), clock, () -> 0.5);
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.QUEUED, DeliveryStatus.SENT,
                DeliveryStatus.DELIVERED);
        later.fanOutDue();
        later.deliverDue();

        posts.get(0).complete(new ReceiverAnswer.Took(200));
        posts.get(1).complete(new ReceiverAnswer.Took(204));
        assertThat(outbox.entries()).extracting(InMemoryNotificationOutbox.Entry::state)
                .as("taken, not yet forgotten").containsExactly("pending", "pending", "pending");

        assertThat(later.deliverDue()).as("both places free again").isEqualTo(1);
        assertThat(outbox.entries()).extracting(InMemoryNotificationOutbox.Entry::state)
                .containsExactly("delivered", "delivered", "pending");
    }

    @Test
    void scopes_channels_tags_and_organizations_filter_what_a_subscription_hears() {
        Subscription finals = subscribe(ORG, URI.create("https://finals.example.com/"), NotificationScope.FINAL_ONLY);
        Subscription failures = subscribe(ORG, URI.create("https://failures.example.com/"),
                NotificationScope.FAILURES_ONLY);
        Subscription smsOfShop = subscriptions.add(Subscription.create(ORG, URI.create("https://shop.example.com/"),
                NotificationScope.EVERY_STATUS, Set.of(Channel.SMS), Map.of("team", "shop"), T0));
        subscribe(OTHER_ORG, URI.create("https://other.example.com/"), NotificationScope.EVERY_STATUS);

        Message whatsapp = message(ORG, Channel.WHATSAPP, Map.of("team", "shop"));
        Message sms = message(ORG, Channel.SMS, Map.of("team", "shop", "kind", "otp"));
        Message smsOtherTeam = message(ORG, Channel.SMS, Map.of("team", "billing"));
        announce(whatsapp, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        announce(sms, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        announce(smsOtherTeam, DeliveryStatus.SENT, DeliveryStatus.UNDELIVERED);

        service.fanOutDue();

        assertThat(types(finals)).containsExactlyInAnyOrder("message.read", "message.delivered", "message.undelivered");
        assertThat(types(failures)).containsExactly("message.undelivered");
        assertThat(types(smsOfShop)).containsExactly("message.sent", "message.delivered");
        assertThat(outbox.entries()).as("nothing for the other organization's subscription").allMatch(entry ->
                entry.subscription().value() <= 3);
    }

    @Test
    void a_paused_subscription_hears_nothing_new() {
        Subscription paused = subscriptions.add(Subscription.create(ORG, RECEIVER, NotificationScope.EVERY_STATUS,
                Set.of(), Map.of(), T0).paused("by hand"));
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        service.fanOutDue();
        assertThat(types(paused)).isEmpty();
    }

    @Test
    void a_failing_receiver_is_tried_again_with_growing_delays_until_the_horizon_then_dead_lettered_and_replayed() {
        subscribe(ORG, DEAD, NotificationScope.EVERY_STATUS);
        sender.answer(DEAD, new ReceiverAnswer.Declined(500));
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        service.fanOutDue();

        service.deliverDue();
        InMemoryNotificationOutbox.Entry entry = outbox.entries().get(0);
        assertThat(entry.due()).as("5s doubled 0 times, half jittered").isEqualTo(T0.plusMillis(3750));
        clock.advance(Duration.ofSeconds(4));
        service.deliverDue();
        assertThat(outbox.entries().get(0).due()).isEqualTo(clock.instant().plusMillis(7500));

        while (outbox.entries().get(0).state().equals("pending")) {
            clock.advance(Duration.ofMinutes(10));
            service.deliverDue();
        }
        assertThat(outbox.entries().get(0).state()).isEqualTo("dead");
        assertThat(service.deliverDue()).isZero();
        assertThat(new SubscriptionService(subscriptions, outbox, sender, url -> Optional.empty(), clock)
                .deadLetters(Actors.PLATFORM, ORG, Optional.empty(), 10)).singleElement()
                .satisfies(letter -> assertThat(letter.lastError()).isEqualTo("answered 500"));

        sender.answer(DEAD, new ReceiverAnswer.Took(204));
        SubscriptionService management = new SubscriptionService(subscriptions, outbox, sender,
                url -> Optional.empty(), clock);
        assertThat(management.replayAll(Actors.PLATFORM, ORG, Optional.empty())).isEqualTo(1);
        assertThat(management.replayAll(Actors.PLATFORM, OTHER_ORG, Optional.empty())).isZero();
        service.deliverDue();
        assertThat(outbox.entries().get(0).state()).isEqualTo("delivered");
    }

    @Test
    void a_410_pauses_the_subscription_and_keeps_the_notification_for_when_it_is_enabled() {
        Subscription gone = subscribe(ORG, DEAD, NotificationScope.EVERY_STATUS);
        sender.answer(DEAD, new ReceiverAnswer.Gone());
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        service.fanOutDue();
        service.deliverDue();

        assertThat(subscriptions.find(ORG, gone.id()).orElseThrow().enabled()).isFalse();
        assertThat(service.deliverDue()).as("a paused subscription is not served").isZero();

        sender.answer(DEAD, new ReceiverAnswer.Took(200));
        new SubscriptionService(subscriptions, outbox, sender, url -> Optional.empty(), clock).enable(Actors.PLATFORM, ORG, gone.id());
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(outbox.entries().get(0).state()).isEqualTo("delivered");
    }

    @Test
    void a_dead_receiver_does_not_hold_back_another_subscription() {
        subscribe(ORG, DEAD, NotificationScope.EVERY_STATUS);
        subscribe(ORG, RECEIVER, NotificationScope.EVERY_STATUS);
        sender.answer(DEAD, new ReceiverAnswer.Unreachable("connect timed out"));
        for (int i = 0; i < 20; i++) {
            announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        }
        service.fanOutDue();
        for (int round = 0; round < 10; round++) {
            service.deliverDue();
        }
        assertThat(sender.sent().stream().filter(notification -> notification.url().equals(RECEIVER)))
                .hasSize(20);
    }

    @Test
    void during_a_rotation_both_secrets_sign() {
        Subscription subscription = subscribe(ORG, RECEIVER, NotificationScope.EVERY_STATUS);
        SubscriptionService management = new SubscriptionService(subscriptions, outbox, sender,
                url -> Optional.empty(), clock);
        management.rotateSecret(Actors.PLATFORM, ORG, subscription.id(), Duration.ofHours(1));
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        service.fanOutDue();
        service.deliverDue();
        clock.advance(Duration.ofHours(2));
        announce(message(ORG, Channel.SMS, Map.of()), DeliveryStatus.SENT);
        service.fanOutDue();
        service.deliverDue();

        assertThat(sender.sent()).extracting(notification -> notification.secrets().size()).containsExactly(2, 1);
        assertThat(sender.sent().get(0).secrets().get(1)).isEqualTo(subscription.secret());
    }

    @Test
    void a_messages_own_status_callback_hears_every_change_signed_with_the_organizations_secret() {
        Subscription finals = subscribe(ORG, RECEIVER, NotificationScope.FINAL_ONLY);
        Subscription signer = new StatusCallbackSecretService(subscriptions, clock).createOrRotate(Actors.PLATFORM, ORG, Duration.ZERO);
        URI callback = URI.create("https://orders.example.com/messages/77/status");
        Message message = message(ORG, Channel.SMS, Map.of());
        for (DeliveryStatus status : List.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED)) {
            message = message.apply(event(message, status));
            outbox.announce(new StatusChange("evt_" + (++sequence), sequence, message, clock.instant(),
                    Optional.of(callback)));
        }

        service.fanOutDue();
        service.deliverDue();

        assertThat(sender.sent().stream().filter(notification -> notification.url().equals(callback)))
                .as("every change, whatever the subscriptions want")
                .extracting(notification -> notification.body().contains("\"type\":\"message.delivered\""))
                .containsExactly(false, true);
        assertThat(sender.sent().stream().filter(notification -> notification.url().equals(callback)))
                .allSatisfy(notification -> assertThat(notification.secrets()).containsExactly(signer.secret()));
        assertThat(sender.sent()).filteredOn(notification -> notification.url().equals(RECEIVER)).hasSize(1);
        assertThat(new SubscriptionService(subscriptions, outbox, sender, url -> Optional.empty(), clock).list(Actors.PLATFORM, ORG))
                .as("the signer is not one of the organization's subscriptions").containsExactly(finals);
    }

    @Test
    void a_status_callback_that_is_gone_ends_its_own_notification_and_pauses_nothing() {
        Subscription signer = new StatusCallbackSecretService(subscriptions, clock).createOrRotate(Actors.PLATFORM, ORG, Duration.ZERO);
        URI gone = URI.create("https://orders.example.com/messages/1/status");
        URI alive = URI.create("https://orders.example.com/messages/2/status");
        sender.answer(gone, new ReceiverAnswer.Gone());
        Message first = message(ORG, Channel.SMS, Map.of());
        first = first.apply(event(first, DeliveryStatus.SENT));
        outbox.announce(new StatusChange("evt_" + (++sequence), sequence, first, clock.instant(), Optional.of(gone)));
        Message second = message(ORG, Channel.SMS, Map.of());
        second = second.apply(event(second, DeliveryStatus.SENT));
        outbox.announce(new StatusChange("evt_" + (++sequence), sequence, second, clock.instant(),
                Optional.of(alive)));

        service.fanOutDue();
        service.deliverDue();

        assertThat(outbox.entries()).extracting(InMemoryNotificationOutbox.Entry::state)
                .containsExactly("dead", "delivered");
        assertThat(outbox.deadLetters(ORG, Optional.empty(), 10)).singleElement()
                .satisfies(letter -> assertThat(letter.statusCallback()).contains(gone));
        assertThat(subscriptions.signerOf(ORG)).hasValueSatisfying(still -> assertThat(still.enabled()).isTrue());
        assertThat(signer.enabled()).isTrue();
    }

    @Test
    void a_status_callback_of_an_organization_without_a_secret_is_not_queued() {
        Message message = message(ORG, Channel.SMS, Map.of());
        message = message.apply(event(message, DeliveryStatus.SENT));
        outbox.announce(new StatusChange("evt_" + (++sequence), sequence, message, clock.instant(),
                Optional.of(RECEIVER)));

        assertThat(service.fanOutDue()).isEqualTo(1);
        assertThat(outbox.entries()).isEmpty();
    }

    private Subscription subscribe(OrganizationId org, URI url, NotificationScope scope) {
        return subscriptions.add(Subscription.create(org, url, scope, Set.of(), Map.of(), T0));
    }

    private void announce(Message message, DeliveryStatus... statuses) {
        Message current = message;
        for (DeliveryStatus status : statuses) {
            current = current.apply(event(current, status));
            outbox.announce(change(current));
        }
    }

    private List<String> types(Subscription subscription) {
        return outbox.entries().stream().filter(entry -> entry.subscription().equals(subscription.id()))
                .map(entry -> entry.notification().type()).toList();
    }

    private StatusChange change(Message message) {
        return new StatusChange("evt_" + (++sequence), sequence, message, clock.instant());
    }

    private Message message(OrganizationId org, Channel channel, Map<String, String> tags) {
        Address to = channel == Channel.SMS ? Address.sms("+31612345678") : Address.whatsapp("+31612345678");
        return Message.pending(org, to, Sender.organizationDefault(), new MessageContent.Text("hi"), tags,
                Optional.empty(), T0).withId(MessageId.of(100 + sequence))
                .acceptedAs(MessageSid.of(String.format("SM%032d", 100 + sequence)));
    }

    private DeliveryEvent event(Message message, DeliveryStatus status) {
        return DeliveryEvent.of(message.sid().orElseThrow(), status,
                status.isFailure() ? DeliveryError.of(30003, "Unreachable destination handset") : DeliveryError.NONE,
                EventSource.CALLBACK, clock.instant());
    }

    /** A sender whose posts are answered when the test completes them. */
    private record HeldPosts(List<CompletableFuture<ReceiverAnswer>> posts) implements NotificationSender {

        @Override
        public CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification) {
            CompletableFuture<ReceiverAnswer> post = new CompletableFuture<>();
            posts.add(post);
            return post;
        }

        @Override
        public Duration longestExchange() {
            return Duration.ofSeconds(15);
        }

        @Override
        public int postsPerReceiver() {
            return 2;
        }
    }
}
