package dev.deliverytracker.adapter.persistence;

import java.time.Duration;

/**
 * How callbacks share transactions.
 *
 * @param enabled       off: every callback commits on its own (the baseline the benchmark compares with)
 * @param maxBatch      most events in one transaction
 * @param queueCapacity most events waiting; beyond it a callback is refused at once (503), so a
 *                      burst cannot exhaust memory and Twilio retries what did not fit
 * @param waitTimeout   how long a caller waits for its batch to commit before giving up (503)
 * @param writers       batches written at the same time, so one commits while the next is built
 */
public record GroupCommitSettings(boolean enabled, int maxBatch, int queueCapacity, Duration waitTimeout,
        int writers) {

    public GroupCommitSettings {
        if (maxBatch < 1 || maxBatch > 1000) {
            throw new IllegalArgumentException("group commit max batch must be 1 to 1000, was " + maxBatch);
        }
        if (queueCapacity < maxBatch) {
            throw new IllegalArgumentException("group commit queue capacity must be at least the max batch ("
                    + maxBatch + "), was " + queueCapacity);
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("group commit writers must be 1 to 16, was " + writers);
        }
        if (waitTimeout.isNegative() || waitTimeout.isZero()) {
            throw new IllegalArgumentException("group commit wait timeout must be positive, was " + waitTimeout);
        }
    }

    public static GroupCommitSettings defaults() {
        return new GroupCommitSettings(true, 256, 10_000, Duration.ofSeconds(10), 1);
    }
}
