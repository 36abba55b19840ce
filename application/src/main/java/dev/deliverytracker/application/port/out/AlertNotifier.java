package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.NotificationOutcome;

/** Tells a rule's webhook that an incident started or cleared. Never throws: a failure is an outcome. */
public interface AlertNotifier {

    NotificationOutcome notify(AlertNotification notification);
}
