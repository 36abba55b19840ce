package dev.deliverytracker.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notification the receiver did not take is tried again: the delay doubles from
 * {@code firstDelay} up to {@code maxDelay}, each with "full jitter" over its upper half so that
 * receivers coming back are not hit by every sender at the same instant, and nothing is tried after
 * {@code horizon} from the first attempt: then the notification is a dead letter.
 */
public record NotificationBackoff(Duration firstDelay, Duration maxDelay, Duration horizon) {

    public NotificationBackoff {
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("the first retry delay must be positive, was " + firstDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("the longest retry delay must be at least the first, was " + maxDelay);
        }
        if (horizon == null || horizon.isNegative()) {
            throw new IllegalArgumentException("the retry horizon must not be negative, was " + horizon);
        }
    }

    /** Five seconds, doubling to an hour, for a day: what the service does without settings. */
    public static NotificationBackoff defaults() {
        return new NotificationBackoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1));
    }

    /**
     * When to try again after attempt number {@code attempt} (1 for the first) failed; empty when the
     * horizon is reached and the notification becomes a dead letter. {@code jitter} is a number in
     * [0, 1) from the caller's random source, so the rule itself is a pure function.
     */
    public Optional<Instant> nextAttempt(int attempt, Instant firstAttempt, Instant now, double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        long ceiling = firstDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long delay = Math.min(ceiling, maxDelay.toMillis());
        long jittered = delay / 2 + (long) (jitter * (delay - delay / 2));
        Instant next = now.plusMillis(Math.max(jittered, 1));
        Instant deadline = firstAttempt.plus(horizon);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        // The last try lands on the horizon rather than past it.
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
