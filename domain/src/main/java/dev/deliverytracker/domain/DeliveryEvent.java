package dev.deliverytracker.domain;

import java.time.Instant;

/**
 * One report about a message's delivery, as Twilio gave it: the status word it used (kept as is, so
 * a word we do not know yet is not lost), the error if any, where it came from and when we got it.
 */
public record DeliveryEvent(MessageSid sid, String reportedStatus, DeliveryError error, EventSource source,
        Instant receivedAt) {

    public DeliveryEvent {
        if (sid == null) {
            throw new IllegalArgumentException("delivery event needs the message SID");
        }
        DeliveryStatus.fromTwilio(reportedStatus);
        if (error == null) {
            throw new IllegalArgumentException("delivery event error must be DeliveryError.NONE when there is none");
        }
        if (source == null || receivedAt == null) {
            throw new IllegalArgumentException("delivery event needs its source and the time it was received");
        }
    }

    public static DeliveryEvent of(MessageSid sid, DeliveryStatus status, DeliveryError error, EventSource source,
            Instant receivedAt) {
        return new DeliveryEvent(sid, status.wireName(), error, source, receivedAt);
    }

    public DeliveryStatus status() {
        return DeliveryStatus.fromTwilio(reportedStatus);
    }

    /**
     * What makes two reports the same event: the same message reaching the same status with the same
     * error. Twilio's duplicates and retries carry exactly these, so they collapse into one row,
     * whether they came by callback, by the send response or by polling.
     */
    public String dedupeKey() {
        return sid.value() + ":" + reportedStatus + ":" + error.code();
    }
}
