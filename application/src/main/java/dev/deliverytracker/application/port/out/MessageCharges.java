package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.domain.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the provider charged for messages: which final messages (delivered, read, failed or
 * undelivered) it has not priced for us yet, and what we learn of them: the segment count, the
 * charge, and the text of a message we did not send ourselves.
 */
public interface MessageCharges {

    /**
     * Unpriced messages with a provider SID whose status last moved in {@code [changedSince,
     * changedBefore)}, never asked about or last asked before {@code askedBefore}. The least recently
     * asked first, a message never asked counting from its last change; at most {@code limit}.
     */
    List<UnpricedMessage> findUnpriced(Instant changedBefore, Instant changedSince, Instant askedBefore, int limit);

    /**
     * Keeps what the provider said at {@code at}. A priced message is no longer a candidate; an
     * unpriced one is asked about again after the wait. The text is kept only for a message that has
     * none (one adopted from its callbacks): ours we know already, and the provider's copy may be
     * redacted.
     */
    void record(MessageId id, MessageFacts facts, Instant at);

    /**
     * What is known of the message's segments and charge, empty when the provider was never asked.
     * The text is the message's own, as the message shows it.
     */
    Optional<MessageFacts> find(MessageId id);
}
