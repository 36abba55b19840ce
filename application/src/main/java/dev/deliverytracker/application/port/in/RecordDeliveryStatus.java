package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.StatusCallback;

/**
 * Records what a Twilio status callback says about a message: once per distinct event, moving the
 * message's current status only forward.
 */
public interface RecordDeliveryStatus {

    /**
     * Returns only once the outcome is durable. Throws when the store cannot take the event, so the
     * caller can ask Twilio to retry.
     */
    RecordOutcome record(StatusCallback callback);
}
