package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.EventBatch;

/**
 * A bounded quarantine of Event Streams batches the signature check refused, kept as received (up to
 * a size the store sets), so that a misconfiguration is seen, not lost.
 */
public interface RefusedEventBatches {

    void keep(EventBatch batch, String reason);
}
