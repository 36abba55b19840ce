package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AlertRule;
import java.time.Instant;

/**
 * One notice about an incident.
 *
 * @param rule the rule, with its webhook and format
 * @param state {@link State#FIRING} for the alert, {@link State#RESOLVED} for the recovery
 * @param message why, e.g. "failure rate 23% (46 of 200) in the last 15 min, above 10%"
 * @param startedAt when the incident started
 * @param at when this notice's transition happened (the start, or the recovery)
 */
public record AlertNotification(AlertRule rule, State state, String message, Instant startedAt, Instant at) {

    public enum State {
        FIRING, RESOLVED;

        public String wireName() {
            return this == FIRING ? "firing" : "resolved";
        }
    }

    public AlertNotification {
        if (rule == null || state == null || message == null || startedAt == null || at == null) {
            throw new IllegalArgumentException("a notification needs its rule, state, message and times");
        }
    }
}
