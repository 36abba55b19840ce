package dev.deliverytracker.domain;

import java.time.Instant;

/** What one evaluation of a rule changed: an incident started, recovered, or nothing to tell anyone. */
public sealed interface AlertTransition {

    /** Send the alert. */
    record Started(Instant startedAt, String message) implements AlertTransition {
    }

    /** Send the recovery. */
    record Recovered(Instant startedAt, Instant resolvedAt, String message) implements AlertTransition {
    }

    /** Nobody is notified; {@code reason} says why, for logs and tests. */
    record Unchanged(String reason) implements AlertTransition {
    }
}
