package dev.deliverytracker.simulator;

import java.time.Instant;

/**
 * A message as the simulator holds it. Its status moves as its callbacks are emitted, in the
 * logical order of its sequence, even when the callbacks themselves are posted shuffled.
 *
 * @param sid                 {@code SM} + 32 hex
 * @param accountSid          owner account
 * @param channel             SMS or WhatsApp
 * @param to                  as given, with a {@code whatsapp:} prefix on WhatsApp
 * @param from                as given, empty when only a Messaging Service was given
 * @param messagingServiceSid {@code MG...} or empty
 * @param body                the text, empty for a template
 * @param contentSid          template SID or empty
 * @param statusCallback      callback URL or empty
 * @param status              Twilio's status word
 * @param statusStep          position of the status in the message's logical sequence
 * @param errorCode           Twilio error code, 0 when none
 * @param numSegments         SMS segments of the body
 * @param dateCreated         when created
 * @param dateUpdated         last status change
 * @param dateSent            when it became sent, null before
 * @param sequence            creation order, for newest-first listing
 * @param price               what Twilio charged, a negative decimal string in {@link Pricing#UNIT};
 *                            empty until known, some time after the message became final
 */
public record SimulatedMessage(
        String sid,
        String accountSid,
        Channel channel,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        String contentSid,
        String statusCallback,
        String status,
        int statusStep,
        int errorCode,
        int numSegments,
        Instant dateCreated,
        Instant dateUpdated,
        Instant dateSent,
        long sequence,
        String price) {

    SimulatedMessage movedTo(String newStatus, int step, int newErrorCode, Instant now) {
        if (step <= statusStep) {
            return this;
        }
        Instant sentAt = dateSent == null && !"queued".equals(newStatus) && !"failed".equals(newStatus) ? now : dateSent;
        return new SimulatedMessage(sid, accountSid, channel, to, from, messagingServiceSid, body, contentSid,
                statusCallback, newStatus, step, newErrorCode, numSegments, dateCreated, now, sentAt, sequence, price);
    }

    SimulatedMessage priced(String charged) {
        return new SimulatedMessage(sid, accountSid, channel, to, from, messagingServiceSid, body, contentSid,
                statusCallback, status, statusStep, errorCode, numSegments, dateCreated, dateUpdated, dateSent, sequence,
                charged);
    }

    /** Whether the status is one after which the price can be known: delivered, read, undelivered, failed. */
    boolean isFinal() {
        return switch (status) {
            case "delivered", "read", "undelivered", "failed" -> true;
            default -> false;
        };
    }
}
