package dev.deliverytracker.application.service;

import java.time.Duration;

/** Waits between two steps of a scheduled job: {@code Thread.sleep} in production, a recorder in tests. */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Pause sleeping() {
        return duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    }
}
