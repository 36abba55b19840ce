package dev.deliverytracker.application.port.in;

/** Hands due messages to Twilio. Safe to run on any number of instances at once. */
public interface DispatchMessages {

    /** Dispatches one batch of due messages and answers how many it claimed. */
    int dispatchDue();

    /**
     * Stops handing messages to Twilio, for a shutdown: sends already under way finish and are
     * recorded, and claimed messages not yet sent go back to the outbox at once for any instance,
     * instead of waiting for their lease to end. Later calls to {@link #dispatchDue()} claim nothing.
     */
    void stop();
}
