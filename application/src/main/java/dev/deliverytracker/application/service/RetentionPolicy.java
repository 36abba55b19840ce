package dev.deliverytracker.application.service;

import java.time.Duration;

/**
 * How history is aged out.
 *
 * @param maxAge       rows older than this are deleted
 * @param batchSize    rows per delete statement (one short transaction each)
 * @param pause        wait between two statements, so ingestion gets the table in between
 * @param maxBatches   most statements per table in one run; the rest waits for the next run
 */
public record RetentionPolicy(Duration maxAge, int batchSize, Duration pause, int maxBatches) {

    public RetentionPolicy {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max age must be positive, was " + maxAge);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be 1 to 100000, was " + batchSize);
        }
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("pause must be zero or positive, was " + pause);
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("max batches must be at least 1, was " + maxBatches);
        }
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(400), 5_000, Duration.ofMillis(200), 1_000);
    }
}
