package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.util.List;

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
     * Twilio accepted the message: stores its SID, records the status Twilio answered, and attaches any
     * callbacks that outran this answer, re-deriving the current status from all of them.
     */
    Message accepted(MessageId id, DeliveryEvent firstStatus);

    /** Every event of a message, oldest first. */
    List<DeliveryEvent> history(MessageId id);
}
