package dev.deliverytracker.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed status change waiting for a feed: its place in the feed's queue ({@code entry}), the
 * key that keeps one message's events together (the message's id), and the event exactly as a
 * subscription is sent it (id, type, JSON body).
 */
public record FeedEvent(long entry, String key, String eventId, String type, String body, Instant changedAt) {

    public FeedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
