package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;

/** What became of one status callback. Every case but {@link Refused} means it is durably kept. */
public sealed interface RecordOutcome {

    /** A new event, attached to its message, whose status is now {@code current}. */
    record Recorded(MessageId messageId, MessageSid sid, DeliveryStatus reported, DeliveryStatus current)
            implements RecordOutcome {
    }

    /** The same event was already recorded; nothing changed. */
    record Duplicate(MessageSid sid, DeliveryStatus reported) implements RecordOutcome {
    }

    /** No message is known for this SID yet; the event is kept and attached when one is. */
    record Unmatched(MessageSid sid, DeliveryStatus reported) implements RecordOutcome {
    }

    /** The signature did not prove the callback came from Twilio; nothing was stored. */
    record Refused(String reason) implements RecordOutcome {
    }

    /** Signed by Twilio but not a callback we can read; kept for inspection. */
    record Rejected(String reason) implements RecordOutcome {
    }
}
