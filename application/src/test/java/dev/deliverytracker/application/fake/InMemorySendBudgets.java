package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SendBudgets;
import dev.deliverytracker.application.port.SendLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Token buckets in memory, refilled gradually by the test's clock, as the shared ones in PostgreSQL are. */
public final class InMemorySendBudgets implements SendBudgets {

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public InMemorySendBudgets(Clock clock) {
        this.clock = clock;
    }

    private static final class Bucket {
        final SendLimit limit;
        double tokens;
        Instant refilledAt;

        Bucket(SendLimit limit, Instant refilledAt) {
            this.limit = limit;
            this.tokens = limit.requests();
            this.refilledAt = refilledAt;
        }
    }

    @Override
    public synchronized Optional<Duration> take(String name, SendLimit limit) {
        Bucket bucket = refilled(name, limit);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        double nanosPerToken = (double) limit.per().toNanos() / limit.requests();
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * nanosPerToken)));
    }

    @Override
    public synchronized void giveBack(String name, SendLimit limit) {
        Bucket bucket = refilled(name, limit);
        bucket.tokens = Math.min(limit.requests(), bucket.tokens + 1);
    }

    private Bucket refilled(String name, SendLimit limit) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(name + "|" + limit, key -> new Bucket(limit, now));
        refill(bucket, now);
        return bucket;
    }

    /** Forgets buckets that are full now: one created again starts full, so nobody can tell. */
    @Override
    public synchronized int removeIdle(int batch) {
        Instant now = clock.instant();
        int removed = 0;
        for (var entries = buckets.values().iterator(); entries.hasNext() && removed < batch; ) {
            Bucket bucket = entries.next();
            refill(bucket, now);
            if (bucket.tokens >= bucket.limit.requests()) {
                entries.remove();
                removed++;
            }
        }
        return removed;
    }

    /** How many buckets are kept. */
    public synchronized int size() {
        return buckets.size();
    }

    private static void refill(Bucket bucket, Instant now) {
        SendLimit limit = bucket.limit;
        double elapsed = Duration.between(bucket.refilledAt, now).toNanos();
        bucket.tokens = Math.min(limit.requests(), bucket.tokens + elapsed * limit.requests() / limit.per().toNanos());
        bucket.refilledAt = now;
    }
}
