package dev.deliverytracker.domain;

import java.time.Instant;

/**
 * A message a customer sent to one of an organization's numbers, as Twilio reported it: its SID, the
 * customer's address ({@code from}), the organization's number it reached ({@code to}), the text, and
 * when Twilio received it. On WhatsApp it opens the customer service window.
 */
public record InboundMessage(OrganizationId organization, MessageSid sid, Address from, Address to, String body,
        Instant receivedAt) {

    public InboundMessage {
        if (organization == null || sid == null || from == null || to == null || receivedAt == null) {
            throw new IllegalArgumentException("an inbound message needs its organization, SID, sender, recipient and "
                    + "time");
        }
        if (from.channel() != to.channel()) {
            throw new IllegalArgumentException("an inbound message comes and goes on one channel, but from is "
                    + from + " and to is " + to);
        }
        // PostgreSQL stores no NUL, and Twilio sends none: a NUL is not text worth keeping.
        body = body == null ? "" : body.replace("\u0000", "");
    }

    public Channel channel() {
        return from.channel();
    }

    /** The window this message opens (it matters on WhatsApp only). */
    public CustomerServiceWindow window() {
        return new CustomerServiceWindow(from, to, receivedAt);
    }
}
