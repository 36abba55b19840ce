package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a message's current status, as the store wrote it beside the change in the same unit
 * of work: its stable event id, the message's own sequence number for it (1, 2, 3… per message), the
 * message as it stood right after the change, and the status callback the message was sent with.
 */
public record StatusChange(String eventId, int sequence, Message message, Instant changedAt,
        Optional<URI> statusCallback) {

    public StatusChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(statusCallback, "statusCallback");
        if (sequence < 1) {
            throw new IllegalArgumentException("a status change's sequence starts at 1, was " + sequence);
        }
    }

    /** A change of a message sent without a status callback of its own. */
    public StatusChange(String eventId, int sequence, Message message, Instant changedAt) {
        this(eventId, sequence, message, changedAt, Optional.empty());
    }
}
