package dev.deliverytracker.application.port.in;

/**
 * Accepts a message for sending: stores it as pending together with its outbox entry and answers at
 * once; dispatching to Twilio happens after, by {@link DispatchMessages}.
 */
public interface SendMessage {

    SendOutcome send(SendMessageCommand command);
}
