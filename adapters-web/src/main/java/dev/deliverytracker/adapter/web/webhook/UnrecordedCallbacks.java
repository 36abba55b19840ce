package dev.deliverytracker.adapter.web.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * The log line for callbacks answered 503, at most one per period: during a database outage every
 * callback of a campaign is refused, and a line for each would bury the one that says why. The
 * first refusal is logged at once; later ones are counted and summed up in the next line.
 */
final class UnrecordedCallbacks {

    private final Logger log;
    private final Clock clock;
    private final Duration period;
    private final AtomicReference<Instant> lastLine = new AtomicReference<>(Instant.MIN);
    private final AtomicLong unlogged = new AtomicLong();

    UnrecordedCallbacks(Logger log, Clock clock, Duration period) {
        this.log = log;
        this.clock = clock;
        this.period = period;
    }

    void refused(RuntimeException cause) {
        Instant now = clock.instant();
        Instant last = lastLine.get();
        if (now.isBefore(last.plus(period)) || !lastLine.compareAndSet(last, now)) {
            unlogged.incrementAndGet();
            return;
        }
        long since = unlogged.getAndSet(0);
        if (since == 0) {
            log.error("callback not recorded, answering 503 so Twilio retries: {}", cause.toString());
        } else {
            log.error("callback not recorded, answering 503 so Twilio retries ({} more since the last line): {}",
                    since, cause.toString());
        }
    }
}
