package dev.deliverytracker.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rule's incident stands, and the one rule that keeps notifications quiet: an incident sends
 * one alert when it starts and one recovery when it clears, nothing while it lasts, and after a
 * recovery the rule waits out a cooldown before it may fire again (a flapping rate is one incident,
 * not one alert per evaluation).
 */
public sealed interface AlertState {

    /** Nothing firing; {@code resolvedAt} ends the last incident ({@link Instant#MIN} if there was none). */
    record Quiet(Instant resolvedAt) implements AlertState {
        public Quiet {
            if (resolvedAt == null) {
                throw new IllegalArgumentException("a quiet state needs the end of the last incident (Instant.MIN for none)");
            }
        }
    }

    /** An incident is open since {@code startedAt}. */
    record Firing(Instant startedAt, String message) implements AlertState {
        public Firing {
            if (startedAt == null || message == null) {
                throw new IllegalArgumentException("a firing state needs its start and message");
            }
        }
    }

    static AlertState neverFired() {
        return new Quiet(Instant.MIN);
    }

    /** What a new verdict at {@code now} does to this state. */
    default AlertTransition next(AlertVerdict verdict, Instant now, Duration cooldown) {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or positive, was " + cooldown);
        }
        if (this instanceof Firing firing) {
            return verdict instanceof AlertVerdict.Clear
                    ? new AlertTransition.Recovered(firing.startedAt(), now, verdict.message())
                    : new AlertTransition.Unchanged("still firing since " + firing.startedAt());
        }
        Quiet quiet = (Quiet) this;
        if (verdict instanceof AlertVerdict.Clear) {
            return new AlertTransition.Unchanged("clear");
        }
        if (!quiet.resolvedAt().equals(Instant.MIN) && now.isBefore(quiet.resolvedAt().plus(cooldown))) {
            return new AlertTransition.Unchanged("firing, but in cooldown until " + quiet.resolvedAt().plus(cooldown));
        }
        return new AlertTransition.Started(now, verdict.message());
    }
}
