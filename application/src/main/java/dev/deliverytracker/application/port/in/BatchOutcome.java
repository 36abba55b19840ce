package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.RecordOutcome;
import java.util.List;

/** What became of one Event Streams batch. */
public sealed interface BatchOutcome {

    /** The signature did not prove Twilio sent the batch; none of its events was recorded. */
    record Refused(RecordOutcome.Refused refusal) implements BatchOutcome {
    }

    /** Every event of the batch is durable, each with its own outcome, in the batch's order. */
    record Taken(List<EventOutcome> events) implements BatchOutcome {

        public Taken {
            events = List.copyOf(events);
        }
    }

    /** What became of one event of a verified batch. */
    sealed interface EventOutcome {

        String eventId();

        String type();
    }

    /** A message status, recorded through the delivery log like a status callback. */
    record StatusRecorded(String eventId, String type, RecordOutcome outcome) implements EventOutcome {
    }

    /** An inbound message; {@code isNew} is false when it was already known. */
    record InboundRecorded(String eventId, String type, boolean isNew) implements EventOutcome {
    }

    /** A type the tracker does not read: kept as it came, and counted. */
    record Unhandled(String eventId, String type) implements EventOutcome {
    }

    /** A type the tracker reads, but this event could not be read: kept for inspection with the reason. */
    record Rejected(String eventId, String type, String reason) implements EventOutcome {
    }
}
