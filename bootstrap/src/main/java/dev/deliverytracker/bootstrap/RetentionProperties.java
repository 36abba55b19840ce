package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.service.RetentionPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of delivery history (masking phone numbers in stored payloads is the persistence adapter's
 * {@code tracker.retention.mask-phone-numbers}). Checked at start;
 * a wrong value stops the start with the setting's name.
 *
 * @param enabled          whether this instance runs the purge job (one instance at a time does)
 * @param interval         pause between two runs
 * @param maxAge           log rows and rejected callbacks older than this are deleted
 * @param batchSize        rows per delete statement
 * @param pause            wait between two delete statements, so ingestion gets the table in between
 * @param maxBatches       most statements per table and run; the rest waits for the next run
 */
@ConfigurationProperties("tracker.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("400d") Duration maxAge,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("200ms") Duration pause,
        @DefaultValue("1000") int maxBatches) {

    public RetentionProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tracker.retention.interval must be a positive duration such as 1h, was "
                    + interval);
        }
        if (maxAge == null || maxAge.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("tracker.retention.max-age must be at least 1d (e.g. 400d), was "
                    + maxAge);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("tracker.retention.batch-size must be 1 to 100000, was " + batchSize);
        }
        if (pause == null || pause.isNegative()) {
            throw new IllegalArgumentException("tracker.retention.pause must be a duration of 0ms or more, was " + pause);
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("tracker.retention.max-batches must be at least 1, was " + maxBatches);
        }
    }

    RetentionPolicy policy() {
        return new RetentionPolicy(maxAge, batchSize, pause, maxBatches);
    }
}
