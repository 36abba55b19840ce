package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.util.List;
import java.util.Map;

/**
 * What the delivery log holds locked for a batch of events: the messages they may concern (by our id,
 * by SID, or as the owner of an earlier attempt) and the SIDs of superseded attempts with their message.
 * Facts only; which event belongs to which message is decided from them by the application.
 */
public record LockedMessages(List<Message> messages, Map<MessageSid, MessageId> earlierAttempts) {

    public LockedMessages {
        if (messages.stream().anyMatch(message -> message.id().isEmpty())) {
            throw new IllegalArgumentException("locked messages are stored messages, each with its id");
        }
        messages = List.copyOf(messages);
        earlierAttempts = Map.copyOf(earlierAttempts);
    }
}
