package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Subscription;
import java.util.List;

/**
 * The application's decision, handed to the store so that it can take it inside its unit of work:
 * which of the organization's enabled subscriptions hear of a change, and with what body.
 */
@FunctionalInterface
public interface NotificationPlanner {

    List<PlannedNotification> plan(StatusChange change, List<Subscription> subscriptions);
}
