package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Locale;

/** Which status changes a notification subscription wants to hear about. */
public enum NotificationScope {
    /** Every change of the current status. */
    EVERY_STATUS,
    /** Only a status after which nothing more is expected on the message's channel. */
    FINAL_ONLY,
    /** Only failed and undelivered. */
    FAILURES_ONLY;

    /** Whether a message that just moved to {@code status} on {@code channel} is announced. */
    public boolean covers(DeliveryStatus status, Channel channel) {
        return switch (this) {
            case EVERY_STATUS -> true;
            case FINAL_ONLY -> status.isTerminalOn(channel);
            case FAILURES_ONLY -> status.isFailure();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationScope parse(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scope must be one of 'every_status', 'final_only' "
                        + "or 'failures_only', was " + Sids.quoteSafely(name)));
    }
}
