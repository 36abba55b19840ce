package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.SubscriptionId;
import java.net.URI;
import java.util.Objects;

/**
 * One notification to post to one recipient: the event's id, its type and the exact body signed and
 * sent. The recipient is a subscription, or the status callback the message was sent with.
 */
public record PlannedNotification(Recipient recipient, String eventId, String type, String body) {

    /** Who hears of the change. */
    public sealed interface Recipient {

        /** One of the organization's subscriptions. */
        record Subscriber(SubscriptionId subscription) implements Recipient {

            public Subscriber {
                Objects.requireNonNull(subscription, "subscription");
            }
        }

        /** The URL given with the message itself, signed with the organization's status-callback secret. */
        record StatusCallback(URI url) implements Recipient {

            public StatusCallback {
                Objects.requireNonNull(url, "url");
            }
        }
    }

    public PlannedNotification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    public PlannedNotification(SubscriptionId subscription, String eventId, String type, String body) {
        this(new Recipient.Subscriber(subscription), eventId, type, body);
    }
}
