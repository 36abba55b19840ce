package dev.deliverytracker.adapter.persistence;

import java.time.Instant;

/**
 * The database did not answer the last write and has not answered a check since: callbacks are
 * refused at once (503), rather than each waiting for a connection that will not come while Twilio's
 * own read timeout runs out.
 */
public class DeliveryLogUnavailable extends RuntimeException {

    DeliveryLogUnavailable(Instant since) {
        super("the database has not answered since " + since + "; callbacks are refused until it answers again");
    }
}
