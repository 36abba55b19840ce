package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.in.DeliverNotifications;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.DeliveryClaim;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.NotificationBackoff;
import dev.deliverytracker.domain.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Notifications out of the outbox: status changes fanned out to the subscriptions that want them,
 * then posted at least once. A post is asynchronous, so a worker never waits on a receiver; what the
 * receiver answered decides: taken, tried again later by {@link NotificationBackoff}, dead-lettered
 * past its horizon, or (410 Gone) the subscription paused and the notification kept for when it is
 * enabled again.
 */
public final class NotificationDeliveryService implements DeliverNotifications {

    private static final System.Logger LOG = System.getLogger(NotificationDeliveryService.class.getName());

    /** How many notifications a round claims and how they are held. */
    public record Settings(ClaimLimits limits, Duration lease) {

        public Settings {
            java.util.Objects.requireNonNull(limits, "limits");
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the claim lease must be positive, was " + lease);
            }
        }
    }

    private final NotificationOutbox outbox;
    private final Subscriptions subscriptions;
    private final NotificationSender sender;
    private final NotificationBackoff backoff;
    private final Settings settings;
    private final Clock clock;
    private final DoubleSupplier jitter;

    public NotificationDeliveryService(NotificationOutbox outbox, Subscriptions subscriptions,
            NotificationSender sender, NotificationBackoff backoff, Settings settings, Clock clock,
            DoubleSupplier jitter) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.backoff = backoff;
        this.settings = settings;
        this.clock = clock;
        this.jitter = jitter;
    }

    /** Posts started and not settled yet, and the signal a settled one gives. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object postFinished = new Object();
    /** Posts finished so far (guarded by {@code postFinished}). */
    private long finishedPosts;
    /** How long finishing posts are gathered, once one has finished, before the next claim. */
    private static final Duration GATHER = Duration.ofMillis(5);
    /**
     * Notifications their receivers took, not yet deleted: deleted together at the next claim (a round
     * trip and a commit for many posts instead of one each). Until then they hold their places and
     * their leases; should this instance die first, they are posted again (at least once).
     */
    private final Queue<Long> taken = new ConcurrentLinkedQueue<>();

    @Override
    public int fanOutDue() {
        return outbox.fanOut(settings.limits().batch(), NotificationEvents.PLANNER);
    }

    @Override
    public int deliverDue() {
        forgetTaken();
        Instant now = clock.instant();
        List<DeliveryClaim> claims = outbox.claim(settings.limits(), now, settings.lease());
        for (DeliveryClaim claim : claims) {
            OutgoingNotification notification = new OutgoingNotification(claim.subscription().id(),
                    claim.url(), claim.eventId(), claim.body(),
                    claim.subscription().signingSecrets(now), now);
            CompletableFuture<ReceiverAnswer> answer;
            try {
                answer = sender.send(notification);
            } catch (RuntimeException broken) {
                answer = CompletableFuture.completedFuture(new ReceiverAnswer.Unreachable(broken.toString()));
            }
            inFlight.incrementAndGet();
            answer.thenAccept(received -> settle(claim, received)).exceptionally(failure -> {
                // Not written: the lease brings the notification back, so it is posted again (at least once).
                LOG.log(System.Logger.Level.WARNING, "outcome of notification {0} to subscription {1} not recorded: {2}",
                        new Object[] {claim.eventId(), claim.subscription().id(), failure.toString()});
                return null;
            }).whenComplete((ignored, failure) -> finished());
        }
        forgetTaken();
        return claims.size();
    }

    /** Deletes what receivers took since the last time; kept for the next time if the store fails. */
    private void forgetTaken() {
        List<Long> done = new ArrayList<>();
        for (Long id = taken.poll(); id != null; id = taken.poll()) {
            done.add(id);
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            outbox.delivered(done, clock.instant());
        } catch (RuntimeException failed) {
            taken.addAll(done);
            throw failed;
        }
    }

    @Override
    public boolean awaitPostFinished(Duration timeout) throws InterruptedException {
        synchronized (postFinished) {
            if (inFlight.get() == 0) {
                return false;
            }
            long seen = finishedPosts;
            long until = System.nanoTime() + timeout.toNanos();
            while (finishedPosts == seen && inFlight.get() > 0 && System.nanoTime() < until) {
                postFinished.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
            // Posts to one receiver finish close together: claiming after each would cost a claim (and its
            // round trips and commit) per notification. A moment's wait frees many places for one claim.
            long gathered = System.nanoTime() + GATHER.toNanos();
            while (finishedPosts != seen && inFlight.get() > 0 && System.nanoTime() < gathered) {
                postFinished.wait(Math.max(1, (gathered - System.nanoTime()) / 1_000_000));
            }
            return true;
        }
    }

    private void finished() {
        inFlight.decrementAndGet();
        synchronized (postFinished) {
            finishedPosts++;
            postFinished.notifyAll();
        }
    }

    /** Takes what the receiver answered into account; a failure to write it leaves the lease to bring it back. */
    void settle(DeliveryClaim claim, ReceiverAnswer answer) {
        Instant now = clock.instant();
        if (answer.took()) {
            taken.add(claim.deliveryId());
            return;
        }
        if (answer instanceof ReceiverAnswer.Gone && claim.statusCallback().isPresent()) {
            // One message's receiver is gone, not the organization's other callbacks: this one stops here.
            outbox.deadLetter(claim.deliveryId(), answer.describe(), now);
            return;
        }
        if (answer instanceof ReceiverAnswer.Gone) {
            Subscription subscription = claim.subscription();
            subscriptions.save(subscription.paused("the receiver answered 410 Gone at " + now));
            outbox.release(claim.deliveryId());
            return;
        }
        Optional<Instant> next = backoff.nextAttempt(claim.attempt(), claim.firstAttemptAt(), now,
                jitter.getAsDouble());
        if (next.isPresent()) {
            outbox.retryAt(claim.deliveryId(), next.get(), answer.describe());
        } else {
            outbox.deadLetter(claim.deliveryId(), answer.describe(), now);
        }
    }
}
