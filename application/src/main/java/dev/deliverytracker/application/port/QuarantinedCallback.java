package dev.deliverytracker.application.port;


/** A refused callback as the quarantine keeps it: its own id, the callback as received, and why it was refused. */
public record QuarantinedCallback(long id, StatusCallback callback, String reason) {

    public QuarantinedCallback {
        if (id <= 0 || callback == null || reason == null) {
            throw new IllegalArgumentException("a quarantined callback needs its id, callback and reason");
        }
    }
}
