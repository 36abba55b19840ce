package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.PurgeDeadLetters;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Deletes dead letters older than the kept period, a batch at a time so no statement holds many rows. */
public final class DeadLetterPurgeService implements PurgeDeadLetters {

    static final int BATCH = 5_000;

    private final NotificationOutbox outbox;
    private final Duration maxAge;
    private final Clock clock;

    public DeadLetterPurgeService(NotificationOutbox outbox, Duration maxAge, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("dead letters are kept a positive time, not " + maxAge);
        }
        this.outbox = outbox;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public int purgeExpired() {
        Instant deadBefore = clock.instant().minus(maxAge);
        int purged = 0;
        int batch;
        do {
            batch = outbox.purgeDeadLetters(deadBefore, BATCH);
            purged += batch;
        } while (batch == BATCH);
        return purged;
    }
}
