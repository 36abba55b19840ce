package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of a message's current status, as the store wrote it beside the change in the same unit
 * of work: its stable event id, the message's own sequence number for it (1, 2, 3… per message) and
 * the message as it stood right after the change.
 */
public record StatusChange(String eventId, int sequence, Message message, Instant changedAt) {

    public StatusChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("a status change's sequence starts at 1, was " + sequence);
        }
    }
}
