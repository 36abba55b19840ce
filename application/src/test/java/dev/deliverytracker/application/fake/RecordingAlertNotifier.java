package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.WebhookUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every notification; answers sent (200) unless told the receiver is down, or that one webhook
 * answers another status or cannot be reached, as a real webhook would.
 */
public final class RecordingAlertNotifier implements AlertNotifier {

    private final List<AlertNotification> sent = new CopyOnWriteArrayList<>();
    private final Map<WebhookUrl, Integer> answers = new ConcurrentHashMap<>();
    private volatile String down;

    /** From now on every notification fails with this reason (still recorded as attempted). */
    public void receiverDown(String reason) {
        down = reason;
    }

    /** The webhook at {@code url} answers {@code status}; 0 means nobody answers there. */
    public RecordingAlertNotifier answers(WebhookUrl url, int status) {
        answers.put(url, status);
        return this;
    }

    @Override
    public NotificationOutcome notify(AlertNotification notification) {
        WebhookUrl url = notification.rule().webhook();
        int status = answers.getOrDefault(url, 200);
        sent.add(notification);
        if (status == 0) {
            return new NotificationOutcome.Failed("no answer from " + url.masked());
        }
        if (down != null) {
            return new NotificationOutcome.Failed(down);
        }
        return status / 100 == 2 ? new NotificationOutcome.Sent(status)
                : new NotificationOutcome.Failed("HTTP " + status + " from " + url.masked());
    }

    /** Every notification attempted, whatever became of it. */
    public List<AlertNotification> notifications() {
        return List.copyOf(sent);
    }
}
