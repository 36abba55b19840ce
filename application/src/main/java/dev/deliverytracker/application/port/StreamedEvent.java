package dev.deliverytracker.application.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One CloudEvent of a Twilio Event Streams batch, as the web adapter read it from the JSON: its {@code
 * id} and {@code type}, the scalar fields of its {@code data} as text (a number as its digits, a nested
 * object as its JSON), and the event's own JSON exactly as it came, to be kept when it is not recorded.
 */
public record StreamedEvent(String id, String type, Map<String, String> data, String json) {

    /** The prefix of every Twilio message status event type; the status word follows it. */
    public static final String STATUS_TYPE_PREFIX = "com.twilio.messaging.message.";

    /** An inbound message reached one of the account's numbers. */
    public static final String INBOUND_TYPE = "com.twilio.messaging.inbound-message.received";

    public StreamedEvent {
        id = id == null ? "" : id;
        type = type == null ? "" : type;
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        data = Collections.unmodifiableMap(copy);
        json = json == null ? "" : json;
    }

    /** A field of {@code data}; absent when missing or null. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(data.get(name)).filter(value -> !value.isEmpty());
    }

    public boolean isMessageStatus() {
        return type.startsWith(STATUS_TYPE_PREFIX) && type.length() > STATUS_TYPE_PREFIX.length();
    }

    public boolean isInboundMessage() {
        return INBOUND_TYPE.equals(type);
    }
}
