package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.MessageId;
import java.time.Instant;
import java.util.List;

/**
 * Messages whose status is final (delivered, read, failed or undelivered) and whose price the
 * provider has not told us yet, and what we learn of them: the segment count, the charge, and the
 * text of a message we did not send ourselves.
 */
public interface UnpricedMessages {

    /**
     * Unpriced messages with a provider SID whose status last moved in {@code [changedSince,
     * changedBefore)}, never asked about or last asked before {@code askedBefore}. Oldest change first,
     * at most {@code limit}.
     */
    List<UnpricedMessage> find(Instant changedBefore, Instant changedSince, Instant askedBefore, int limit);

    /**
     * Keeps what the provider said at {@code at}. A priced message is no longer a candidate; an
     * unpriced one is asked about again after the wait. The text is kept only for a message that has
     * none (one adopted from its callbacks): ours we know already, and the provider's copy may be
     * redacted.
     */
    void record(MessageId id, MessageFacts facts, Instant at);
}
