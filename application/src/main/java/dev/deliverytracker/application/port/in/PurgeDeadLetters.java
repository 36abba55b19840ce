package dev.deliverytracker.application.port.in;

/**
 * Forgets dead letters nobody replayed within the kept period, so a receiver that never came back does
 * not keep its notifications for ever. Answers how many were deleted.
 */
public interface PurgeDeadLetters {

    int purgeExpired();
}
