package dev.deliverytracker.domain;

import java.util.Locale;

/** How an event reached us. Every source obeys the same ordering and dedupe rule. */
public enum EventSource {
    /** Twilio posted a status callback. */
    CALLBACK,
    /** The status Twilio answered when the message was created (no callback is sent for it). */
    SEND_RESPONSE,
    /** A failure answered by Twilio (or no Twilio at all) when we tried to create the message. */
    SEND_FAILURE,
    /** The reconciler fetched the message from Twilio. */
    POLL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventSource parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
