package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Subscription;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A notification this worker holds for one attempt (a lease: another worker takes it back if this
 * one dies). {@code attempt} counts this one; {@code firstAttemptAt} is when the first began. A
 * message's own status callback is held under the organization's status-callback signer
 * ({@code subscription}) and goes to {@code statusCallback}.
 */
public record DeliveryClaim(long deliveryId, Subscription subscription, String eventId, String type, String body,
        int attempt, Instant firstAttemptAt, Instant createdAt, Optional<URI> statusCallback) {

    public DeliveryClaim(long deliveryId, Subscription subscription, String eventId, String type, String body,
            int attempt, Instant firstAttemptAt, Instant createdAt) {
        this(deliveryId, subscription, eventId, type, body, attempt, firstAttemptAt, createdAt, Optional.empty());
    }

    /** Where this notification is posted. */
    public URI url() {
        return statusCallback.orElse(subscription.url());
    }
}
