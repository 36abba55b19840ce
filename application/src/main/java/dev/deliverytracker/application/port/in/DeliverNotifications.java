package dev.deliverytracker.application.port.in;

import java.time.Duration;

/** The workers' side of notifications: any number of instances may run both at once. */
public interface DeliverNotifications {

    /** Turns waiting status changes into notifications for the subscriptions that want them; answers how many changes. */
    int fanOutDue();

    /** Starts posting due notifications (the posts complete later); answers how many were claimed. */
    int deliverDue();

    /**
     * Waits until a post this instance started finishes (freeing its subscription's place), at most
     * {@code timeout}; answers false at once when none is in flight.
     */
    boolean awaitPostFinished(Duration timeout) throws InterruptedException;
}
