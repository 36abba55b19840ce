package dev.deliverytracker.application.port;

import java.util.Locale;

/**
 * What the send use case does with a free-form WhatsApp message for a recipient whose customer service
 * window is not known to be open. Per organization; {@link #OFF} unless the organization chooses,
 * because without inbound messages (Event Streams) no window is ever known to be open.
 */
public enum WindowEnforcement {
    /** Refuse it before it costs anything (Twilio would fail it with 63016). */
    REFUSE,
    /** Accept it, but log and count it. */
    WARN,
    /** Do not look. */
    OFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WindowEnforcement parse(String value) {
        for (WindowEnforcement mode : values()) {
            if (mode.wireName().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be one of refuse, warn, off, was "
                + (value == null ? "nothing" : "'" + value.substring(0, Math.min(value.length(), 20)) + "'"));
    }
}
