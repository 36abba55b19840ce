package dev.deliverytracker.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sending rate: {@code perSecond} messages a second on average, and at most {@code burst} at once.
 * Kept as a schedule (the generic cell rate algorithm): a lane remembers when its next message would
 * be due if it had sent steadily ({@code nextDue}); a message may go {@code burst - 1} intervals early.
 * Any window of length W then holds at most {@code burst + W * perSecond} messages.
 */
public record PaceRate(double perSecond, int burst) {

    public PaceRate {
        if (!(perSecond > 0) || perSecond > 1_000_000 || burst < 1) {
            throw new IllegalArgumentException("a pace needs a rate above 0 (at most 1000000 a second) and a burst of "
                    + "at least 1, was " + perSecond + " a second and a burst of " + burst);
        }
    }

    /** The time between two messages at the steady rate, in microseconds (what PostgreSQL keeps). */
    public Duration interval() {
        return Duration.of(Math.max(1, Math.round(1_000_000 / perSecond)), ChronoUnit.MICROS);
    }

    /** The earliest a message may go, given the lane's {@code nextDue} (null for a lane never used). */
    public Instant earliest(Instant nextDue, Instant now) {
        if (nextDue == null) {
            return now;
        }
        Instant early = nextDue.minus(interval().multipliedBy(burst - 1L));
        return early.isAfter(now) ? early : now;
    }

    /** The lane's {@code nextDue} once a message took {@code slot}. */
    public Instant nextDueAfter(Instant nextDue, Instant slot) {
        Instant from = nextDue == null || slot.isAfter(nextDue) ? slot : nextDue;
        return from.plus(interval());
    }

    @Override
    public String toString() {
        return perSecond + "/s (burst " + burst + ")";
    }
}
