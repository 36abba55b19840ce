package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/**
 * Events of verified batches that are not recorded anywhere else: types the tracker does not read, and
 * events it could not read. Kept once per event id and organization, as they came.
 */
public interface KeptStreamEvents {

    /** Why an event was kept instead of recorded. */
    enum Disposition { UNHANDLED_TYPE, UNREADABLE }

    void keep(OrganizationId organization, AccountSid signedBy, StreamedEvent event, Disposition disposition,
            String reason, Instant receivedAt);
}
