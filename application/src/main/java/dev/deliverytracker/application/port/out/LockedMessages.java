package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the delivery log holds locked for a batch of events: the messages they may concern (by our id,
 * by SID, or as the owner of an earlier attempt), the SIDs of superseded attempts with their message, and
 * which of the batch's SIDs are messages customers sent (direction incoming), which no status report
 * moves or adopts. Facts only; which event belongs to which message is decided from them by the application.
 */
public record LockedMessages(List<Message> messages, Map<MessageSid, MessageId> earlierAttempts,
        Set<MessageSid> incoming) {

    public LockedMessages {
        if (messages.stream().anyMatch(message -> message.id().isEmpty())) {
            throw new IllegalArgumentException("locked messages are stored messages, each with its id");
        }
        messages = List.copyOf(messages);
        earlierAttempts = Map.copyOf(earlierAttempts);
        incoming = Set.copyOf(incoming);
    }

    /** Facts of a store that holds no incoming message with any of the batch's SIDs. */
    public LockedMessages(List<Message> messages, Map<MessageSid, MessageId> earlierAttempts) {
        this(messages, earlierAttempts, Set.of());
    }
}
