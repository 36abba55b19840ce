package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.SubscriptionId;
import java.time.Instant;

/** A notification given up on after its last try: kept until someone replays it. */
public record DeadLetter(long deliveryId, SubscriptionId subscription, String eventId, String type, int attempts,
        String lastError, Instant createdAt, Instant deadAt) {
}
