package dev.deliverytracker.application.service;

import java.time.Duration;

/**
 * When the price of a final message is asked for.
 *
 * @param settleAfter how long after the final status the first question waits: the provider prices
 *                    a message some time after it is done
 * @param askEvery    the least time between two questions about one unpriced message
 * @param horizon     how long after the final status a message is still asked about; after that its
 *                    price stays unknown
 */
public record ChargePolicy(Duration settleAfter, Duration askEvery, Duration horizon) {

    public ChargePolicy {
        if (settleAfter == null || settleAfter.isNegative()) {
            throw new IllegalArgumentException("settle-after must be zero or positive, was " + settleAfter);
        }
        if (askEvery == null || askEvery.isNegative()) {
            throw new IllegalArgumentException("ask-every must be zero or positive, was " + askEvery);
        }
        if (horizon == null || horizon.compareTo(settleAfter) <= 0) {
            throw new IllegalArgumentException("horizon must be longer than settle-after (" + settleAfter + "), was "
                    + horizon);
        }
    }

    /** The defaults: first asked 2 minutes after the final status, again every 15 minutes, for a day. */
    public static ChargePolicy defaults() {
        return new ChargePolicy(Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofDays(1));
    }
}
