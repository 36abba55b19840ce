package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an Event Streams message status event into the same {@link DeliveryEvent} a status callback of
 * that status gives: the SID, the status word in lower case ({@code DELIVERED} is {@code delivered}),
 * the numeric error. So both feeds make the same dedupe key and one report is recorded once.
 *
 * <p>The event's source is {@link EventSource#CALLBACK}: Twilio pushed it, like a callback; which feed
 * it came by is in its payload ({@link #EVENT_ID}, {@link #EVENT_TYPE}).
 */
final class StreamedEventReading {

    /** The payload keys that say an event came by Event Streams, and which one it was. */
    static final String EVENT_ID = "EventStreamsId";
    static final String EVENT_TYPE = "EventStreamsType";

    /** Event Streams' names of the fields a status callback also carries, and the callback's names. */
    private static final Map<String, String> CALLBACK_NAMES = Map.of(
            "messageSid", "MessageSid",
            "messageStatus", "MessageStatus",
            "accountSid", "AccountSid",
            "from", "From",
            "to", "To",
            "messagingServiceSid", "MessagingServiceSid",
            "errorCode", "ErrorCode",
            "apiVersion", "ApiVersion",
            "rawDlrDoneDate", "RawDlrDoneDate");

    private StreamedEventReading() {
    }

    static DeliveryEvent statusEvent(StreamedEvent event, Instant receivedAt) {
        String sid = event.field("messageSid")
                .orElseThrow(() -> new IllegalArgumentException("data.messageSid is required"));
        String status = event.field("messageStatus").map(word -> word.toLowerCase(Locale.ROOT))
                .orElseGet(() -> event.type().substring(StreamedEvent.STATUS_TYPE_PREFIX.length()));
        DeliveryError error = DeliveryError.parse(event.field("errorCode").orElse(null), null);
        return new DeliveryEvent(MessageSid.of(sid), status, error, EventSource.CALLBACK, receivedAt);
    }

    /**
     * Reads an inbound message event: the customer in {@code from}, the organization's number in
     * {@code to}, both as Twilio writes addresses ({@code whatsapp:+...} on WhatsApp); its time is
     * Twilio's {@code timestamp}, or when the batch reached us if that is missing.
     */
    static InboundMessage inboundMessage(StreamedEvent event, OrganizationId organization, Instant receivedAt) {
        String sid = event.field("messageSid")
                .orElseThrow(() -> new IllegalArgumentException("data.messageSid is required"));
        Address from = Address.parseTwilio(event.field("from")
                .orElseThrow(() -> new IllegalArgumentException("data.from is required")));
        Address to = Address.parseTwilio(event.field("to")
                .orElseThrow(() -> new IllegalArgumentException("data.to is required")));
        Instant at = event.field("timestamp").map(StreamedEventReading::instant).orElse(receivedAt);
        return new InboundMessage(organization, MessageSid.of(sid), from, to, event.field("body").orElse(""), at);
    }

    private static Instant instant(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("data.timestamp is not an ISO-8601 instant");
        }
    }

    /**
     * The event as a payload of the delivery log, under the names a status callback uses where it has
     * the same field, so reports ({@code provider_payload->>'ErrorCode'}) and the masking of phone
     * numbers treat both feeds alike. The status is written in lower case, as callbacks write it.
     */
    static Map<String, List<String>> payload(StreamedEvent event) {
        Map<String, List<String>> payload = new LinkedHashMap<>();
        event.data().forEach((name, value) -> {
            String callbackName = CALLBACK_NAMES.getOrDefault(name, name);
            String written = "messageStatus".equals(name) ? value.toLowerCase(Locale.ROOT) : value;
            payload.put(callbackName, List.of(written));
        });
        payload.put(EVENT_ID, List.of(event.id()));
        payload.put(EVENT_TYPE, List.of(event.type()));
        return payload;
    }
}
