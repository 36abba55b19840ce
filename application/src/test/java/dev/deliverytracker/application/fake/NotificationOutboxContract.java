package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.out.CallbackHost;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.DeliveryClaim;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.service.NotificationEvents;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every notification outbox promises ({@link NotificationOutbox}), run against the in-memory
 * {@link InMemoryNotificationOutbox} and against PostgreSQL. Each test uses organizations and
 * subscriptions of its own and looks only at their notifications: a shared database holds others.
 */
public abstract class NotificationOutboxContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    protected static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final int ALL = 100_000;
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected abstract NotificationOutbox outbox();

    /** The subscriptions the outbox reads; they keep the organizations' status-callback signers too. */
    protected abstract Subscriptions subscriptions();

    /** An organization of this test's own. */
    protected abstract OrganizationId newOrganization();

    /** Commits the first status change ({@code queued}) of each of {@code messages} new messages of {@code org}. */
    protected abstract void commitChanges(OrganizationId org, int messages);

    /** As {@link #commitChanges}, each message sent with {@code statusCallback}. */
    protected abstract void commitChangesWithStatusCallback(OrganizationId org, URI statusCallback, int messages);

    @Test
    void a_change_becomes_one_notification_for_each_enabled_subscription_that_wants_it() {
        OrganizationId org = newOrganization();
        Subscription every = subscribe(org, NotificationScope.EVERY_STATUS);
        Subscription failures = subscribe(org, NotificationScope.FAILURES_ONLY);
        Subscription paused = subscribe(org, NotificationScope.EVERY_STATUS);
        subscriptions().save(paused.paused("test"));
        Subscription elsewhere = subscribe(newOrganization(), NotificationScope.EVERY_STATUS);

        commitChanges(org, 2);
        fanOutEverything();

        List<DeliveryClaim> claimed = outbox().claim(new ClaimLimits(ALL, 10, 10, 10), FAR, LEASE);
        assertThat(mine(claimed, every.id())).hasSize(2).allSatisfy(claim -> {
            assertThat(claim.type()).isEqualTo("message.queued");
            assertThat(claim.body()).startsWith("{\"id\":\"" + claim.eventId() + "\",\"type\":\"message.queued\"");
            assertThat(claim.attempt()).isEqualTo(1);
            assertThat(claim.subscription()).isEqualTo(every);
        });
        assertThat(mine(claimed, every.id())).extracting(DeliveryClaim::eventId).doesNotHaveDuplicates();
        assertThat(mine(claimed, failures.id())).as("a queued message is no failure").isEmpty();
        assertThat(mine(claimed, paused.id())).as("paused: hears of nothing").isEmpty();
        assertThat(mine(claimed, elsewhere.id())).as("another organization's").isEmpty();
    }

    @Test
    void claims_are_exclusive_leased_limited_per_subscription_and_skip_paused_subscriptions() {
        OrganizationId org = newOrganization();
        Subscription subscription = subscribe(org, NotificationScope.EVERY_STATUS);
        commitChanges(org, 5);
        fanOutEverything();

        List<DeliveryClaim> first = mine(outbox().claim(new ClaimLimits(ALL, 2, 2, 2), FAR, LEASE), subscription.id());
        assertThat(first).hasSize(2);
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 2, 2, 2), FAR, LEASE), subscription.id())).as("two already in flight").isEmpty();
        outbox().delivered(first.get(0).deliveryId(), FAR);
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 2, 2, 2), FAR, LEASE), subscription.id())).hasSize(1);

        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 10, 10, 10), FAR.plus(LEASE).plusSeconds(1), LEASE), subscription.id()))
                .as("after the leases end, the rest and the taken-back ones; never the delivered one").hasSize(4)
                .extracting(DeliveryClaim::deliveryId).doesNotContain(first.get(0).deliveryId());

        subscriptions().save(subscription.paused("test"));
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 10, 10, 10), FAR.plusSeconds(100), LEASE), subscription.id())).isEmpty();
    }

    @Test
    void a_released_notification_waits_unclaimed_and_its_attempt_is_not_counted() {
        OrganizationId org = newOrganization();
        Subscription subscription = subscribe(org, NotificationScope.EVERY_STATUS);
        commitChanges(org, 1);
        fanOutEverything();
        DeliveryClaim claim = mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR, LEASE), subscription.id()).get(0);

        outbox().release(claim.deliveryId());

        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR, LEASE), subscription.id())).singleElement()
                .satisfies(again -> {
                    assertThat(again.deliveryId()).isEqualTo(claim.deliveryId());
                    assertThat(again.attempt()).isEqualTo(1);
                });
    }

    @Test
    void a_failure_is_retried_when_due_then_dead_lettered_listed_and_replayed_one_by_one_or_in_bulk() {
        OrganizationId org = newOrganization();
        Subscription subscription = subscribe(org, NotificationScope.EVERY_STATUS);
        commitChanges(org, 2);
        fanOutEverything();
        List<DeliveryClaim> claims = mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR, LEASE), subscription.id());
        assertThat(claims).hasSize(2);

        claims.forEach(claim -> outbox().retryAt(claim.deliveryId(), FAR.plusSeconds(60), "answered 500"));
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR.plusSeconds(59), LEASE), subscription.id())).as("not due yet")
                .isEmpty();
        List<DeliveryClaim> again = mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR.plusSeconds(60), LEASE), subscription.id());
        assertThat(again).extracting(DeliveryClaim::attempt).containsOnly(2);
        assertThat(again).extracting(DeliveryClaim::firstAttemptAt).containsOnly(FAR);

        again.forEach(claim -> outbox().deadLetter(claim.deliveryId(), "answered 503", FAR.plusSeconds(61)));
        List<DeadLetter> dead = outbox().deadLetters(org, Optional.of(subscription.id()), 10);
        assertThat(dead).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.lastError()).isEqualTo("answered 503");
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.type()).isEqualTo("message.queued");
        });
        assertThat(dead).extracting(DeadLetter::deliveryId).as("newest first").isSortedAccordingTo(
                (a, b) -> Long.compare(b, a));
        assertThat(outbox().deadLetters(org, Optional.of(subscription.id()), 1)).hasSize(1);
        assertThat(outbox().deadLetters(newOrganization(), Optional.empty(), 10)).isEmpty();
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR.plusSeconds(200), LEASE), subscription.id())).isEmpty();

        assertThat(outbox().replay(newOrganization(), dead.get(0).deliveryId(), FAR.plusSeconds(300)))
                .as("not that organization's").isFalse();
        assertThat(outbox().replay(org, dead.get(0).deliveryId(), FAR.plusSeconds(300))).isTrue();
        assertThat(outbox().replay(org, dead.get(0).deliveryId(), FAR.plusSeconds(300))).as("no longer dead").isFalse();
        assertThat(outbox().replayAll(org, Optional.empty(), FAR.plusSeconds(300))).isEqualTo(1);
        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 5, 5, 5), FAR.plusSeconds(300), LEASE), subscription.id()))
                .extracting(DeliveryClaim::attempt).as("a fresh horizon").containsExactly(1, 1);
    }

    @Test
    void each_status_callback_host_holds_only_its_own_places_and_an_organizations_callbacks_are_bounded_together() {
        OrganizationId org = newOrganization();
        Subscription signer = ((StatusCallbackSigners) subscriptions()).saveSigner(Subscription.create(org, StatusCallbackSigners.SIGNER_URL,
                NotificationScope.EVERY_STATUS, Set.of(), Map.of(), T0));
        commitChangesWithStatusCallback(org, URI.create("https://slow.example.com/orders/1"), 3);
        commitChangesWithStatusCallback(org, URI.create("https://SLOW.example.com:443/orders/2"), 2);
        commitChangesWithStatusCallback(org, URI.create("https://fast.example.com:8443/orders/3"), 3);
        fanOutEverything();
        ClaimLimits twoPerHost = new ClaimLimits(ALL, 1, 2, 100);

        List<DeliveryClaim> first = mine(outbox().claim(twoPerHost, FAR, LEASE), signer.id());
        assertThat(hosts(first)).as("two places per host, not one for the signer as a subscription would have")
                .containsExactlyInAnyOrder("https://slow.example.com:443", "https://slow.example.com:443",
                        "https://fast.example.com:8443", "https://fast.example.com:8443");
        assertThat(mine(outbox().claim(twoPerHost, FAR, LEASE), signer.id())).as("every host's places taken").isEmpty();

        outbox().delivered(first.stream().filter(claim -> claim.url().getHost().startsWith("fast"))
                .map(DeliveryClaim::deliveryId).toList(), FAR);
        assertThat(hosts(mine(outbox().claim(twoPerHost, FAR, LEASE), signer.id())))
                .as("the fast host goes on while the slow one's posts hang, though the slow one's waited longer")
                .containsExactly("https://fast.example.com:8443");

        assertThat(mine(outbox().claim(new ClaimLimits(ALL, 1, 100, 3), FAR, LEASE), signer.id()))
                .as("three in flight: the organization's places are taken, whatever the host's").isEmpty();
        assertThat(hosts(mine(outbox().claim(new ClaimLimits(ALL, 1, 100, 5), FAR, LEASE), signer.id())))
                .as("two more for the organization").containsExactly("https://slow.example.com:443",
                        "https://slow.example.com:443");
    }

    private static List<String> hosts(List<DeliveryClaim> claims) {
        return claims.stream().map(claim -> CallbackHost.of(claim.url()).value()).toList();
    }

    protected Subscription subscribe(OrganizationId org, NotificationScope scope) {
        return subscriptions().add(Subscription.create(org, URI.create("https://receiver.example.com/hooks"), scope,
                Set.of(), Map.of(), T0));
    }

    protected void fanOutEverything() {
        while (outbox().fanOut(500, NotificationEvents.PLANNER) > 0) {
            // other tests' changes go along
        }
    }

    protected static List<DeliveryClaim> mine(List<DeliveryClaim> claims, SubscriptionId subscription) {
        return claims.stream().filter(claim -> claim.subscription().id().equals(subscription)).toList();
    }
}
