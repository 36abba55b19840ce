package dev.deliverytracker.domain;

import java.util.Locale;

/** The shape of the JSON an alert webhook receives. */
public enum NotificationFormat {
    /** {@code {"text": ..., "blocks": [...]}}, what a Slack incoming webhook takes. */
    SLACK,
    /** {@code {"organization", "rule", "state", "message", "startedAt", ...}} for your own receiver. */
    JSON;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationFormat parse(String word) {
        for (NotificationFormat format : values()) {
            if (format.wireName().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be 'slack' or 'json', was " + Sids.quoteSafely(word));
    }
}
