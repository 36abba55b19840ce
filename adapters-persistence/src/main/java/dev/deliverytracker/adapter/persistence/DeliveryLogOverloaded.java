package dev.deliverytracker.adapter.persistence;

/** More callbacks are waiting than the queue holds: refuse now, so Twilio retries, rather than pile up. */
public class DeliveryLogOverloaded extends RuntimeException {

    DeliveryLogOverloaded(int capacity) {
        super("more than " + capacity + " callbacks are waiting to be written; try again shortly");
    }
}
