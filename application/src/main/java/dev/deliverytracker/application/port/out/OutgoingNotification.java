package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A notification on its way: where, the event id, the exact body, and the secrets that sign it at {@code sentAt}. */
public record OutgoingNotification(SubscriptionId subscription, URI url, String eventId, String body,
        List<WebhookSecret> secrets, Instant sentAt) {

    public OutgoingNotification {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a notification is signed by at least one secret");
        }
    }
}
