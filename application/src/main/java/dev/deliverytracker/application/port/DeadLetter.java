package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.SubscriptionId;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A notification given up on after its last try: kept until someone replays it. One to a message's
 * own status callback names that URL; its {@code subscription} is then the organization's
 * status-callback signer.
 */
public record DeadLetter(long deliveryId, SubscriptionId subscription, String eventId, String type, int attempts,
        String lastError, Instant createdAt, Instant deadAt, Optional<URI> statusCallback) {

    public DeadLetter(long deliveryId, SubscriptionId subscription, String eventId, String type, int attempts,
            String lastError, Instant createdAt, Instant deadAt) {
        this(deliveryId, subscription, eventId, type, attempts, lastError, createdAt, deadAt, Optional.empty());
    }
}
