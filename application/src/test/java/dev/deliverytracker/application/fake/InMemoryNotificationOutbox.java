package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.out.CallbackHost;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.DeliveryClaim;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationPlanner;
import dev.deliverytracker.application.port.out.PlannedNotification;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification outbox in memory, with the same promises as PostgreSQL's: claims are exclusive
 * and leased, held within the {@link ClaimLimits} per subscription and per status-callback host,
 * paused subscriptions are not served. {@link #announce} plays the delivery log writing a status change in its unit of work.
 */
public final class InMemoryNotificationOutbox implements NotificationOutbox {

    /** One notification and where it stands. */
    public static final class Entry {
        final long id;
        final PlannedNotification notification;
        final SubscriptionId subscription;
        final OrganizationId organization;
        final Instant createdAt;
        Instant due;
        Instant claimedUntil;
        Instant firstAttemptAt;
        int attempts;
        String state = "pending";
        String lastError = "";
        Instant deadAt;

        Entry(long id, PlannedNotification notification, SubscriptionId subscription, OrganizationId organization,
                Instant createdAt) {
            this.id = id;
            this.notification = notification;
            this.subscription = subscription;
            this.organization = organization;
            this.createdAt = createdAt;
            this.due = createdAt;
        }

        public String state() {
            return state;
        }

        public int attempts() {
            return attempts;
        }

        public Instant due() {
            return due;
        }

        public PlannedNotification notification() {
            return notification;
        }

        /** The subscription it is held under: its own, or the organization's status-callback signer. */
        public SubscriptionId subscription() {
            return subscription;
        }

        public Optional<java.net.URI> statusCallback() {
            return notification.recipient() instanceof PlannedNotification.Recipient.StatusCallback callback
                    ? Optional.of(callback.url()) : Optional.empty();
        }
    }

    private final InMemorySubscriptions subscriptions;
    private final InMemoryStatusFeeds feeds;
    private final Deque<StatusChange> changes = new ArrayDeque<>();
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long next = 1;

    public InMemoryNotificationOutbox(InMemorySubscriptions subscriptions) {
        this(subscriptions, new InMemoryStatusFeeds());
    }

    /** An outbox whose fan-out also keeps every change for the registered feeds of {@code feeds}. */
    public InMemoryNotificationOutbox(InMemorySubscriptions subscriptions, InMemoryStatusFeeds feeds) {
        this.subscriptions = subscriptions;
        this.feeds = feeds;
    }

    public synchronized void announce(StatusChange change) {
        changes.add(change);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized int waitingChanges() {
        return changes.size();
    }

    @Override
    public synchronized int fanOut(int limit, NotificationPlanner planner) {
        int taken = 0;
        while (taken < limit && !changes.isEmpty()) {
            StatusChange change = changes.poll();
            List<Subscription> enabled = subscriptions.of(change.message().organization()).stream()
                    .filter(Subscription::enabled).toList();
            for (PlannedNotification planned : planner.plan(change, enabled)) {
                Optional<SubscriptionId> holder = holder(planned, change.message().organization());
                if (holder.isEmpty()) {
                    continue; // a status callback of an organization without a signer: nothing can sign it
                }
                long id = next++;
                entries.put(id, new Entry(id, planned, holder.get(), change.message().organization(),
                        change.changedAt()));
            }
            feeds.keep(change.message().id().orElseThrow().toString(), change.eventId(), planner.type(change),
                    planner.body(change), change.changedAt());
            taken++;
        }
        return taken;
    }

    private Optional<SubscriptionId> holder(PlannedNotification planned, OrganizationId organization) {
        if (planned.recipient() instanceof PlannedNotification.Recipient.Subscriber subscriber) {
            return Optional.of(subscriber.subscription());
        }
        return subscriptions.signerOf(organization).map(Subscription::id);
    }

    @Override
    public synchronized List<DeliveryClaim> claim(ClaimLimits limits, Instant now, Duration lease) {
        // Places are counted per receiver: a subscription, or one host of an organization's status callbacks
        // (those also count together under the organization's signer).
        Map<Object, Integer> held = new HashMap<>();
        entries.values().stream().filter(entry -> entry.state.equals("pending") && entry.claimedUntil != null
                && entry.claimedUntil.isAfter(now)).forEach(entry -> hold(held, entry));
        List<DeliveryClaim> claims = new ArrayList<>();
        List<Entry> due = entries.values().stream()
                .filter(entry -> entry.state.equals("pending") && !entry.due.isAfter(now)
                        && (entry.claimedUntil == null || !entry.claimedUntil.isAfter(now)))
                .sorted(Comparator.comparing((Entry entry) -> entry.due).thenComparing(entry -> entry.id)).toList();
        for (Entry entry : due) {
            if (claims.size() == limits.batch()) {
                break;
            }
            Optional<Subscription> subscription = subscriptions.held(entry.organization, entry.subscription);
            if (subscription.isEmpty() || !subscription.get().enabled() || full(held, entry, limits)) {
                continue;
            }
            hold(held, entry);
            entry.attempts++;
            entry.claimedUntil = now.plus(lease);
            entry.firstAttemptAt = entry.firstAttemptAt == null ? now : entry.firstAttemptAt;
            claims.add(new DeliveryClaim(entry.id, subscription.get(), entry.notification.eventId(),
                    entry.notification.type(), entry.notification.body(), entry.attempts, entry.firstAttemptAt,
                    entry.createdAt, entry.statusCallback()));
        }
        return claims;
    }

    private static void hold(Map<Object, Integer> held, Entry entry) {
        held.merge(entry.subscription, 1, Integer::sum);
        entry.statusCallback().ifPresent(url -> held.merge(List.of(entry.subscription, CallbackHost.of(url)), 1, Integer::sum));
    }

    private static boolean full(Map<Object, Integer> held, Entry entry, ClaimLimits limits) {
        int ofSubscription = held.getOrDefault(entry.subscription, 0);
        return entry.statusCallback()
                .map(url -> held.getOrDefault(List.of(entry.subscription, CallbackHost.of(url)), 0) >= limits.perCallbackHost()
                        || ofSubscription >= limits.callbacksPerOrganization())
                .orElse(ofSubscription >= limits.perSubscription());
    }

    @Override
    public synchronized void delivered(long deliveryId, Instant at) {
        Entry entry = entries.get(deliveryId);
        entry.state = "delivered";
        entry.claimedUntil = null;
    }

    @Override
    public synchronized void retryAt(long deliveryId, Instant due, String failure) {
        Entry entry = entries.get(deliveryId);
        entry.due = due;
        entry.claimedUntil = null;
        entry.lastError = failure;
    }

    @Override
    public synchronized void release(long deliveryId) {
        Entry entry = entries.get(deliveryId);
        entry.claimedUntil = null;
        entry.attempts--;
    }

    @Override
    public synchronized void deadLetter(long deliveryId, String failure, Instant at) {
        Entry entry = entries.get(deliveryId);
        entry.state = "dead";
        entry.claimedUntil = null;
        entry.lastError = failure;
        entry.deadAt = at;
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(OrganizationId organization,
            Optional<SubscriptionId> subscription, int limit) {
        return entries.values().stream()
                .filter(entry -> entry.state.equals("dead") && entry.organization.equals(organization)
                        && subscription.map(entry.subscription::equals).orElse(true))
                .sorted(Comparator.comparing((Entry entry) -> entry.id).reversed()).limit(limit)
                .map(entry -> new DeadLetter(entry.id, entry.subscription, entry.notification.eventId(),
                        entry.notification.type(), entry.attempts, entry.lastError, entry.createdAt, entry.deadAt,
                        entry.statusCallback()))
                .toList();
    }

    @Override
    public synchronized boolean replay(OrganizationId organization, long deliveryId, Instant now) {
        Entry entry = entries.get(deliveryId);
        if (entry == null || !entry.state.equals("dead") || !entry.organization.equals(organization)) {
            return false;
        }
        entry.state = "pending";
        entry.due = now;
        entry.attempts = 0;
        entry.firstAttemptAt = null;
        return true;
    }

    @Override
    public synchronized int replayAll(OrganizationId organization, Optional<SubscriptionId> subscription,
            Instant now) {
        List<DeadLetter> dead = deadLetters(organization, subscription, Integer.MAX_VALUE);
        dead.forEach(letter -> replay(organization, letter.deliveryId(), now));
        return dead.size();
    }

    @Override
    public synchronized int purgeDeadLetters(Instant deadBefore, int limit) {
        List<Long> old = entries.values().stream()
                .filter(entry -> entry.state.equals("dead") && entry.deadAt.isBefore(deadBefore))
                .map(entry -> entry.id).limit(limit).toList();
        old.forEach(entries::remove);
        return old.size();
    }
}
