package dev.deliverytracker.application.port.out;

import java.time.Instant;

/**
 * History that has aged out: delivery log rows (with their raw payloads) and kept rejected callbacks.
 * Deletes in bounded batches, each its own short transaction, so ingestion is never held up for long.
 */
public interface OldHistory {

    /** Deletes at most {@code limit} delivery log rows created before {@code cutoff}; answers how many. */
    int deleteDeliveryEventsBefore(Instant cutoff, int limit);

    /** Deletes at most {@code limit} rejected callbacks received before {@code cutoff}; answers how many. */
    int deleteRejectedCallbacksBefore(Instant cutoff, int limit);
}
