package dev.deliverytracker.application.port.out;

/**
 * The hourly rollup the statistics read: status changes are recorded as they happen and folded into
 * it in batches. Queries are exact without a fold; folding keeps the pending changes few.
 */
public interface StatisticsRollup {

    /** Folds the pending changes into the rollup; answers how many there were. */
    long fold();
}
