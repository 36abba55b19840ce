package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.SubscriptionId;
import java.util.Objects;

/** One notification to post to one subscription: the event's id, its type and the exact body signed and sent. */
public record PlannedNotification(SubscriptionId subscription, String eventId, String type, String body) {

    public PlannedNotification {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }
}
