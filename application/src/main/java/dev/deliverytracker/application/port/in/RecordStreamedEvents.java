package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.EventBatch;

/**
 * Records a batch of Twilio Event Streams events: message statuses go into the same delivery log as
 * status callbacks (one event, recorded once, whichever feed brings it first), other events are kept.
 */
public interface RecordStreamedEvents {

    /**
     * Returns only once every event of the batch is durable. Throws when the store cannot take one, so
     * the caller can make Twilio send the batch again (the events already recorded are then absorbed).
     */
    BatchOutcome record(EventBatch batch);
}
