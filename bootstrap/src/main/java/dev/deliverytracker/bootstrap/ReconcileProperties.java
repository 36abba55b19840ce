package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.service.ReconcilePolicy;
import dev.deliverytracker.domain.DeliveryStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciler: which stale messages it asks Twilio about, how fast, and when it gives up.
 * Checked at start; a wrong value stops the start with the setting's name.
 *
 * @param enabled          whether this instance runs the job (with several instances, one at a time runs it)
 * @param interval         pause between two runs
 * @param acceptedAge      how long a message may stay accepted without news before it is polled
 * @param scheduledAge     likewise for scheduled
 * @param queuedAge        likewise for queued
 * @param sendingAge       likewise for sending
 * @param sentAge          likewise for sent (a carrier receipt can take long)
 * @param pollInterval     least time between two polls of one message
 * @param batchSize        most messages polled per run
 * @param fetchesPerSecond pace of fetches within a run
 * @param horizon          how long after creation a message is polled; then it is marked unconfirmed
 */
@ConfigurationProperties("tracker.reconcile")
public record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("10m") Duration acceptedAge,
        @DefaultValue("10m") Duration scheduledAge,
        @DefaultValue("10m") Duration queuedAge,
        @DefaultValue("10m") Duration sendingAge,
        @DefaultValue("24h") Duration sentAge,
        @DefaultValue("1h") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10") double fetchesPerSecond,
        @DefaultValue("72h") Duration horizon) {

    public ReconcileProperties {
        requirePositive("interval", interval);
        requireNotNegative("accepted-age", acceptedAge);
        requireNotNegative("scheduled-age", scheduledAge);
        requireNotNegative("queued-age", queuedAge);
        requireNotNegative("sending-age", sendingAge);
        requireNotNegative("sent-age", sentAge);
        requireNotNegative("poll-interval", pollInterval);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("tracker.reconcile.batch-size must be 1 to 10000, was " + batchSize);
        }
        if (!(fetchesPerSecond > 0 && fetchesPerSecond <= 1000)) {
            throw new IllegalArgumentException("tracker.reconcile.fetches-per-second must be above 0 and at most "
                    + "1000 (Twilio limits requests per account), was " + fetchesPerSecond);
        }
        requirePositive("horizon", horizon);
    }

    ReconcilePolicy policy() {
        Map<DeliveryStatus, Duration> ages = new EnumMap<>(DeliveryStatus.class);
        ages.put(DeliveryStatus.ACCEPTED, acceptedAge);
        ages.put(DeliveryStatus.SCHEDULED, scheduledAge);
        ages.put(DeliveryStatus.QUEUED, queuedAge);
        ages.put(DeliveryStatus.SENDING, sendingAge);
        ages.put(DeliveryStatus.SENT, sentAge);
        return new ReconcilePolicy(ages, pollInterval, batchSize, fetchesPerSecond, horizon);
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tracker.reconcile." + name + " must be a positive duration such as "
                    + "1m, was " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("tracker.reconcile." + name + " must be a duration of 0s or more, was "
                    + value);
        }
    }
}
