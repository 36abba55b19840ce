package dev.deliverytracker.application.port;

import java.time.Duration;

/**
 * A send budget: at most {@code requests} requests per {@code per}, refilled gradually (a token
 * bucket holding {@code requests} tokens that refills {@code requests} tokens every {@code per}).
 */
public record SendLimit(long requests, Duration per) {

    public SendLimit {
        if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a send limit needs at least 1 request per a positive duration, was "
                    + requests + " per " + per);
        }
    }

    @Override
    public String toString() {
        return requests + " per " + per;
    }
}
