package dev.deliverytracker.application.port.in;

/**
 * Folds the status changes recorded since the last fold into the statistics' hourly rollup. The
 * statistics are exact without it; folding keeps the pending changes few, so reading them stays cheap.
 */
public interface FoldStatistics {

    /** Answers how many changes were folded. */
    long fold();
}
