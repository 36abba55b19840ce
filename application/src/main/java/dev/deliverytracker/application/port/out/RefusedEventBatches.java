package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.EventBatch;

/**
 * A bounded quarantine of Event Streams batches the signature check refused, kept exactly as received
 * (the signature covers every byte of the body) so that a misconfiguration is seen, not lost.
 */
public interface RefusedEventBatches {

    void keep(EventBatch batch, String reason);
}
