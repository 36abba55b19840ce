package dev.deliverytracker.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

/** Whether callbacks can be written now, for health checks: the store's own view, not a fresh query. */
public interface DeliveryLogAvailability {

    /** Since when the database has not answered the callback writer; empty while it answers. */
    Optional<Instant> unreachableSince();
}
