package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.NotificationOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notification; answers sent (200) unless told the receiver is down. */
public final class RecordingAlertNotifier implements AlertNotifier {

    private final List<AlertNotification> sent = new CopyOnWriteArrayList<>();
    private volatile String down;

    /** From now on every notification fails with this reason (still recorded as attempted). */
    public void receiverDown(String reason) {
        down = reason;
    }

    @Override
    public NotificationOutcome notify(AlertNotification notification) {
        sent.add(notification);
        return down == null ? new NotificationOutcome.Sent(200) : new NotificationOutcome.Failed(down);
    }

    public List<AlertNotification> notifications() {
        return List.copyOf(sent);
    }
}
