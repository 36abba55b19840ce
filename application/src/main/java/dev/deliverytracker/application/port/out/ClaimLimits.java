package dev.deliverytracker.application.port.out;

/**
 * How much one claim may take and hold: {@code batch} notifications in all; at most
 * {@code perSubscription} in flight for one subscription; for the organizations' per-message status
 * callbacks, at most {@code perCallbackHost} in flight to one {@link CallbackHost} and
 * {@code callbacksPerOrganization} for all the callbacks of one organization together. A receiver is a
 * subscription or a callback host: one that is slow or dead fills only its own places.
 */
public record ClaimLimits(int batch, int perSubscription, int perCallbackHost, int callbacksPerOrganization) {

    public ClaimLimits {
        if (batch < 1 || perSubscription < 1 || perCallbackHost < 1 || callbacksPerOrganization < 1) {
            throw new IllegalArgumentException("claim limits must be at least 1, were " + batch + ", "
                    + perSubscription + ", " + perCallbackHost + ", " + callbacksPerOrganization);
        }
    }
}
