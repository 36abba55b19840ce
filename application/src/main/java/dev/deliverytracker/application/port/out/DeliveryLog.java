package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.time.Instant;

/**
 * The history of every message's delivery. Each method is atomic: the event, the message's status
 * and its milestones change together or not at all.
 */
public interface DeliveryLog {

    /**
     * Appends the event once (a second report of the same event is a {@link RecordOutcome.Duplicate}),
     * attaches it to its message and moves the message's status by the domain's rule. An event whose
     * message is unknown is kept as {@link RecordOutcome.Unmatched}.
     */
    RecordOutcome append(ReportedEvent reported);

    /**
     * Twilio accepted the message: stores its SID, records the status Twilio answered, attaches any
     * callbacks that outran this answer (re-deriving the current status from all of them) and takes
     * the message out of the outbox.
     */
    Message accepted(MessageId id, DeliveryEvent firstStatus);

    /**
     * The message could not be sent: Twilio refused it, or it could not be handed over at all. Records
     * the failure in the history, fails the message by the domain's rule and takes it out of the outbox.
     */
    Message sendFailed(MessageId id, DeliveryError failure, Instant at);

    /**
     * Another application registered a message it sent: a message of origin external with this SID is
     * created, or the one its callbacks revealed already takes the registered content and tags; the
     * SID's unmatched events become its history. Atomic and idempotent by SID.
     *
     * @throws IllegalStateException when the SID belongs to another organization or to a message sent
     *         through the tracker
     */
    Message register(Message registration);
}
