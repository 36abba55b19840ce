package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.MessageId;

/** Where Twilio should post status callbacks for a message (the webhook knows its own address). */
public interface StatusCallbackAddress {

    /**
     * The query parameter of the address that carries our message id: recording a status reads it back,
     * so a callback that outruns the send answer still finds its message.
     */
    String MESSAGE_ID_PARAMETER = "mid";

    String forMessage(MessageId id);
}
