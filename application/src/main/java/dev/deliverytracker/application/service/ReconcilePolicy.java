package dev.deliverytracker.application.service;

import dev.deliverytracker.domain.DeliveryStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * When the reconciler asks Twilio about a message, and when it gives up.
 *
 * @param ages            per status, how long a message may stay in it without news before it is
 *                        polled; a status without an age is never polled (pending is the outbox's
 *                        job; final statuses need nothing)
 * @param pollInterval    the least time between two polls of one message
 * @param batchSize       most messages polled per run
 * @param fetchesPerSecond the pace of fetches within a run, to stay inside Twilio's rate limits
 * @param horizon         how long after its creation a message is still polled; after that a message
 *                        that is still not final is marked unconfirmed and left alone
 */
public record ReconcilePolicy(Map<DeliveryStatus, Duration> ages, Duration pollInterval, int batchSize,
        double fetchesPerSecond, Duration horizon) {

    /** The statuses a message can be stuck in after Twilio took it, without having reached a final one. */
    public static final Set<DeliveryStatus> RECONCILABLE = Set.of(DeliveryStatus.ACCEPTED, DeliveryStatus.SCHEDULED,
            DeliveryStatus.QUEUED, DeliveryStatus.SENDING, DeliveryStatus.SENT);

    public ReconcilePolicy {
        ages = ages.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ages));
        for (Map.Entry<DeliveryStatus, Duration> age : ages.entrySet()) {
            if (!RECONCILABLE.contains(age.getKey())) {
                throw new IllegalArgumentException("only accepted, scheduled, queued, sending and sent messages can be "
                        + "reconciled, not " + age.getKey().wireName());
            }
            if (age.getValue() == null || age.getValue().isNegative()) {
                throw new IllegalArgumentException(age.getKey().wireName() + " age must be zero or positive, was "
                        + age.getValue());
            }
        }
        if (pollInterval == null || pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must be zero or positive, was " + pollInterval);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1 to 10000, was " + batchSize);
        }
        if (!(fetchesPerSecond > 0 && fetchesPerSecond <= 1000)) {
            throw new IllegalArgumentException("fetches per second must be above 0 and at most 1000, was "
                    + fetchesPerSecond);
        }
        if (horizon == null || horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, was " + horizon);
        }
    }

    /** The defaults: accepted to sending after 10 minutes, sent after 24 hours, 100 a run, 10 a second, 72 hours. */
    public static ReconcilePolicy defaults() {
        Map<DeliveryStatus, Duration> ages = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus early : Set.of(DeliveryStatus.ACCEPTED, DeliveryStatus.SCHEDULED, DeliveryStatus.QUEUED,
                DeliveryStatus.SENDING)) {
            ages.put(early, Duration.ofMinutes(10));
        }
        ages.put(DeliveryStatus.SENT, Duration.ofHours(24));
        return new ReconcilePolicy(ages, Duration.ofHours(1), 100, 10, Duration.ofHours(72));
    }

    /** Whether a message in this status is still polled. */
    public boolean reconciles(DeliveryStatus status) {
        return ages.containsKey(status);
    }

    /** The wait between two fetches. */
    public Duration pace() {
        return Duration.ofNanos((long) (1_000_000_000L / fetchesPerSecond));
    }
}
