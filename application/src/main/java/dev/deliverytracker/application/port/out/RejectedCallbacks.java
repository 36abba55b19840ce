package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.StatusCallback;

/** Keeps signed callbacks we could not read, so an operator can inspect them instead of losing them. */
public interface RejectedCallbacks {

    void keep(StatusCallback callback, String reason);
}
