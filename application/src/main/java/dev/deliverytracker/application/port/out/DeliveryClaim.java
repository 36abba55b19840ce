package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Subscription;
import java.time.Instant;

/**
 * A notification this worker holds for one attempt (a lease: another worker takes it back if this
 * one dies). {@code attempt} counts this one; {@code firstAttemptAt} is when the first began.
 */
public record DeliveryClaim(long deliveryId, Subscription subscription, String eventId, String type, String body,
        int attempt, Instant firstAttemptAt, Instant createdAt) {
}
