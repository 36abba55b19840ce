package dev.deliverytracker.application.port.in;

/** Hands due messages to Twilio. Safe to run on any number of instances at once. */
public interface DispatchMessages {

    /** Dispatches one batch of due messages and answers how many it claimed. */
    int dispatchDue();
}
