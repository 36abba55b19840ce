package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.HttpsOnlyReceiverAddresses;
import dev.deliverytracker.application.fake.InMemoryNotificationOutbox;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedNotificationSender;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.in.ManageSubscriptions.Outcome;
import dev.deliverytracker.application.port.in.SubscriptionRequest;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {

    static final OrganizationId ORG = OrganizationId.of(1);
    static final OrganizationId OTHER = OrganizationId.of(2);
    static final URI RECEIVER = URI.create("https://receiver.example.com/hooks");

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    final ScriptedNotificationSender sender = new ScriptedNotificationSender();
    final SubscriptionService service = new SubscriptionService(subscriptions,
            new InMemoryNotificationOutbox(subscriptions), sender, new HttpsOnlyReceiverAddresses(), clock);

    @Test
    void a_subscription_is_created_with_a_fresh_secret_and_seen_only_by_its_organization() {
        Subscription created = saved(service.create(Actors.PLATFORM, ORG, request(RECEIVER)));

        assertThat(created.secret().value()).startsWith("whsec_");
        assertThat(service.list(Actors.PLATFORM, ORG)).containsExactly(created);
        assertThat(service.list(Actors.PLATFORM, OTHER)).isEmpty();
        assertThat(service.find(Actors.PLATFORM, OTHER, created.id())).isEmpty();
        assertThat(service.pause(Actors.PLATFORM, OTHER, created.id())).isEmpty();
        assertThat(service.delete(Actors.PLATFORM, OTHER, created.id())).isFalse();
        assertThat(service.delete(Actors.PLATFORM, ORG, created.id())).isTrue();
        assertThat(service.list(Actors.PLATFORM, ORG)).isEmpty();
    }

    @Test
    void a_url_the_rules_refuse_is_not_saved() {
        assertThat(service.create(Actors.PLATFORM, ORG, request(URI.create("http://receiver.example.com/"))))
                .isEqualTo(new Outcome.Refused("notifications go to https URLs only"));
        assertThat(service.list(Actors.PLATFORM, ORG)).isEmpty();
        assertThatThrownBy(() -> request(URI.create("https://user:pw@receiver.example.com/")))
                .hasMessageContaining("credentials");
        java.util.Map<String, String> nullTag = new java.util.HashMap<>();
        nullTag.put("team", null);
        assertThatThrownBy(() -> new SubscriptionRequest(RECEIVER, null, null, nullTag))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
        assertThatThrownBy(() -> request(URI.create("https://receiver.example.com/" + "x".repeat(2000))))
                .hasMessageContaining("2000");
    }

    @Test
    void pause_enable_change_and_rotate() {
        Subscription created = saved(service.create(Actors.PLATFORM, ORG, request(RECEIVER)));
        assertThat(service.pause(Actors.PLATFORM, ORG, created.id()).orElseThrow().enabled()).isFalse();
        assertThat(service.enable(Actors.PLATFORM, ORG, created.id()).orElseThrow().enabled()).isTrue();

        Subscription changed = saved(service.change(Actors.PLATFORM, ORG, created.id(), new SubscriptionRequest(
                URI.create("https://new.example.com/"), NotificationScope.FAILURES_ONLY, Set.of(), Map.of("a", "b"))));
        assertThat(changed.scope()).isEqualTo(NotificationScope.FAILURES_ONLY);
        assertThat(changed.secret()).as("a change keeps the secret").isEqualTo(created.secret());

        Subscription rotated = saved(service.rotateSecret(Actors.PLATFORM, ORG, created.id(), Duration.ofHours(24)));
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(rotated.signingSecrets(clock.instant())).containsExactly(rotated.secret(), created.secret());
        assertThat(rotated.signingSecrets(clock.instant().plus(Duration.ofHours(25)))).containsExactly(rotated.secret());
    }

    @Test
    void a_test_event_is_posted_now_and_the_answer_reported() {
        Subscription created = saved(service.create(Actors.PLATFORM, ORG, request(RECEIVER)));
        sender.answer(RECEIVER, new ReceiverAnswer.Declined(401));

        assertThat(service.sendTest(Actors.PLATFORM, ORG, created.id())).contains(new ReceiverAnswer.Declined(401));
        assertThat(sender.sent()).singleElement().satisfies(test -> {
            assertThat(test.eventId()).startsWith("evt_test_");
            assertThat(test.body()).contains("\"type\":\"message.test\"");
        });
        assertThat(service.sendTest(Actors.PLATFORM, OTHER, created.id())).isEmpty();
    }

    private static SubscriptionRequest request(URI url) {
        return new SubscriptionRequest(url, null, null, null);
    }

    private static Subscription saved(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Saved.class);
        return ((Outcome.Saved) outcome).subscription();
    }
}
