package dev.deliverytracker.application.port.in;

/**
 * Ages out history older than the retention period: delivery log rows and rejected callbacks. The
 * messages themselves, with their current status and milestones, are kept.
 */
public interface PurgeHistory {

    PurgeReport purgeExpired();
}
