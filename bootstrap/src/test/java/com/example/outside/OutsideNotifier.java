package com.example.outside;

import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.NotificationOutcome;

/** An adapter of another repository that keeps to the rules: it implements an outbound port, nothing more. */
public class OutsideNotifier implements AlertNotifier {

    @Override
    public NotificationOutcome notify(AlertNotification notification) {
        return new NotificationOutcome.Sent(200);
    }
}
