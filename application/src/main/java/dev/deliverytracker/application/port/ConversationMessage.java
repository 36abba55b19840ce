package dev.deliverytracker.application.port;

/**
 * A message of a conversation, either way, with its text: what the organization sent (empty for a
 * template, or an adopted message whose text is not known yet) or what the customer wrote.
 */
public record ConversationMessage(MessageSummary message, String body) {

    public ConversationMessage {
        if (message == null) {
            throw new IllegalArgumentException("a conversation message needs the message");
        }
        body = body == null ? "" : body;
    }
}
