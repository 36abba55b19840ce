package dev.deliverytracker.application.port.in;

/** The workers' side of notifications: any number of instances may run both at once. */
public interface DeliverNotifications {

    /** Turns waiting status changes into notifications for the subscriptions that want them; answers how many changes. */
    int fanOutDue();

    /** Starts posting due notifications (the posts complete later); answers how many were claimed. */
    int deliverDue();
}
