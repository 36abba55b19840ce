package dev.deliverytracker.application.port;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The bucket width, and how long a range may be with it. */
public enum StatisticsInterval {
    HOUR(ChronoUnit.HOURS, Duration.ofDays(31)),
    DAY(ChronoUnit.DAYS, Duration.ofDays(366));

    private final ChronoUnit unit;
    private final Duration longestRange;

    StatisticsInterval(ChronoUnit unit, Duration longestRange) {
        this.unit = unit;
        this.longestRange = longestRange;
    }

    public ChronoUnit unit() {
        return unit;
    }

    public Duration longestRange() {
        return longestRange;
    }

    /** Buckets start at whole UTC hours or days. */
    public Instant bucketOf(Instant at) {
        return at.truncatedTo(unit);
    }
}
