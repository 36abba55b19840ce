package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.in.StatusCallback;

/**
 * A bounded quarantine of callbacks the signature check refused. Nothing in it is trusted or
 * recorded as an event; it is there so that a misconfiguration is seen and its callbacks recovered.
 */
public interface RefusedCallbacks {

    void keep(StatusCallback callback, String reason);
}
