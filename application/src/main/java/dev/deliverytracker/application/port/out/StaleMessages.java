package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Messages whose callbacks may have been lost, as the reconciler sees them. The status itself only
 * ever changes through {@link DeliveryLog#append}; this port keeps what polling needs beside it.
 */
public interface StaleMessages {

    /**
     * Messages with a Twilio SID, not marked unconfirmed, whose status is one of the keys of
     * {@code unchangedSince} and that have not changed since the instant given for that status, and
     * that were never polled or last polled before {@code polledBefore}. Oldest change first, at most
     * {@code limit}.
     */
    List<StaleMessage> find(Map<DeliveryStatus, Instant> unchangedSince, Instant polledBefore, int limit);

    /** The message was polled at {@code at}: it is not a candidate again before the poll interval has passed. */
    void markPolled(MessageId id, Instant at);

    /**
     * Polling gave up on the message: its status could not be confirmed within the horizon. It keeps
     * its last known status and is not a candidate any more.
     */
    void markUnconfirmed(MessageId id, Instant at);
}
