package dev.deliverytracker.application.port;

import java.time.Duration;
import java.time.Instant;

/** A half-open range of time, {@code from} included and {@code until} excluded. */
public record TimeRange(Instant from, Instant until) {

    public TimeRange {
        if (from == null || until == null) {
            throw new IllegalArgumentException("a time range needs both 'from' and 'until'");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("'until' must be after 'from', was from " + from + " until " + until);
        }
    }

    public Duration length() {
        return Duration.between(from, until);
    }
}
