package dev.deliverytracker.application.port.in;

/**
 * What one retention run deleted.
 *
 * @param deliveryEvents    delivery log rows
 * @param rejectedCallbacks kept rejected callbacks
 * @param complete          false when the run stopped at its batch limit with more left for the next run
 */
public record PurgeReport(long deliveryEvents, long rejectedCallbacks, boolean complete) {
}
