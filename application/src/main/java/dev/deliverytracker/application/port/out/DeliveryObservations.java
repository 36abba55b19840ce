package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

/** The numbers alert rules judge, counted by the store for one organization since a moment. */
public interface DeliveryObservations {

    /** Messages created since then that Twilio sent or finished, and how many of them failed or were undelivered. */
    DeliveryObservation.FailureCounts failures(OrganizationId organization, Instant since);

    /** Messages that failed since then with this error code. */
    DeliveryObservation.ErrorCount errors(OrganizationId organization, int errorCode, Instant since);

    /** Messages created since then and delivered, and the p90 from sent (or created) to delivered. */
    DeliveryObservation.Latency latency(OrganizationId organization, Instant since);

    /** Messages created since then that Twilio accepted (have a SID), and status callbacks received since then. */
    DeliveryObservation.CallbackFlow callbackFlow(OrganizationId organization, Instant since);

    /**
     * Status callbacks received since then that verified (recorded in the log), and callbacks of the
     * organization's account the signature check refused since then (kept in the quarantine or dropped
     * from it by its cap).
     */
    DeliveryObservation.CallbackRefusals callbackRefusals(OrganizationId organization, Instant since);
}
