package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Subscription;
import java.util.List;

/**
 * The application's decision, handed to the store so that it can take it inside its unit of work:
 * which of the organization's enabled subscriptions hear of a change, and with what body; and what
 * a feed ({@link StatusFeedOutbox}) is given for it: the same event.
 */
public interface NotificationPlanner {

    List<PlannedNotification> plan(StatusChange change, List<Subscription> subscriptions);

    /** The event's type, as a subscription is sent it ({@code message.delivered}, ...). */
    String type(StatusChange change);

    /** The event's body, byte for byte as a subscription is sent it. */
    String body(StatusChange change);
}
