package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.SendLimit;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets by name, shared by every instance of the service. A bucket is created full the first
 * time its name is used with a limit; the same name with another limit is another bucket.
 */
public interface SendBudgets {

    /** Takes one token: empty when taken, else how long until one is there. */
    Optional<Duration> take(String bucket, SendLimit limit);

    /** Puts back a token taken for a request that was refused by another budget after all. */
    void giveBack(String bucket, SendLimit limit);

    /**
     * Forgets up to {@code batch} buckets that have been full and unused for a while; a forgotten bucket
     * is created full again when next used. Answers how many were forgotten.
     */
    int removeIdle(int batch);
}
