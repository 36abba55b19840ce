package dev.deliverytracker.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * WhatsApp's customer service window: for 24 hours after a customer last wrote to a business number,
 * the business may answer with free-form messages; outside it only templates are delivered, and Twilio
 * fails a free-form message with error 63016.
 *
 * @param customer      the customer who wrote
 * @param business      the organization's number they wrote to
 * @param lastInboundAt when they last wrote
 */
public record CustomerServiceWindow(Address customer, Address business, Instant lastInboundAt) {

    /** How long a customer's message keeps the window open. */
    public static final Duration LENGTH = Duration.ofHours(24);

    /** Twilio's error for a free-form WhatsApp message outside the window. */
    public static final int OUTSIDE_WINDOW_ERROR = 63016;

    public CustomerServiceWindow {
        if (customer == null || business == null || lastInboundAt == null) {
            throw new IllegalArgumentException("a customer service window needs the customer, the business number and "
                    + "when the customer last wrote");
        }
    }

    public Instant closesAt() {
        return lastInboundAt.plus(LENGTH);
    }

    public boolean isOpenAt(Instant now) {
        return now.isBefore(closesAt());
    }

    /**
     * Whether a message needs an open window to be delivered: free-form text on WhatsApp. A template
     * (ContentSid) may be sent at any time, and SMS has no window.
     */
    public static boolean isNeededFor(Address recipient, MessageContent content) {
        return recipient.channel() == Channel.WHATSAPP && content instanceof MessageContent.Text;
    }
}
