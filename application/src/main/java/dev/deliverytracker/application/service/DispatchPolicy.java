package dev.deliverytracker.application.service;

import java.time.Duration;

/**
 * How dispatching paces itself.
 *
 * @param batchSize   entries claimed at once per dispatcher
 * @param lease       how long a claim holds; a dispatcher releases what it has not sent by half of it
 * @param maxAttempts attempts before a transient failure becomes final
 * @param firstDelay  the wait before the second attempt; each later wait doubles, with jitter
 * @param maxDelay    the longest wait between attempts
 */
public record DispatchPolicy(int batchSize, Duration lease, int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public DispatchPolicy {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("dispatch batch size and max attempts must be at least 1, were "
                    + batchSize + " and " + maxAttempts);
        }
        if (lease.isNegative() || lease.isZero() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("dispatch lease must be positive and max delay at least the first delay");
        }
    }

    public static DispatchPolicy defaults() {
        return new DispatchPolicy(20, Duration.ofMinutes(5), 10, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    /**
     * The wait after attempt {@code attempt} failed: exponential, with "equal jitter" (half fixed,
     * half random) so many failed messages do not come back at the same instant.
     */
    Duration delayAfter(int attempt, double random) {
        long exponential = firstDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }
}
