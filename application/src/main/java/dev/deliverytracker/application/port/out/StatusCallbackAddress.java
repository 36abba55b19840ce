package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.MessageId;

/** Where Twilio should post status callbacks for a message (the webhook knows its own address). */
public interface StatusCallbackAddress {

    String forMessage(MessageId id);
}
