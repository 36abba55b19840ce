package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.out.RefusalBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address, in this instance's memory. Each refused callback a source sends
 * takes a token; a source with none left gets its refused callbacks answered without being kept.
 * Per instance on purpose: the limit protects this instance's share of the database from one address,
 * needs no round trip to the database that it protects (a shared bucket would cost a write per forged
 * post, the very load it is there to stop), and several instances together keep at most their number
 * times the limit, still bounded. At most {@code maxSources} addresses are tracked; past that the one
 * seen least recently is forgotten, so the map itself cannot be grown without end.
 */
public final class SourceAddressRefusalBudget implements RefusalBudget {

    /**
     * @param burst      refused callbacks a source may have kept at once
     * @param refill     the time in which one more refused callback is allowed again
     * @param maxSources addresses tracked at once
     */
    public record Limits(int burst, Duration refill, int maxSources) {

        public Limits {
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1, was " + burst);
            }
            if (refill == null || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("refill must be a positive duration, was " + refill);
            }
            if (maxSources < 1) {
                throw new IllegalArgumentException("max sources must be at least 1, was " + maxSources);
            }
        }
    }

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    public SourceAddressRefusalBudget(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.maxSources();
            }
        };
    }

    @Override
    public synchronized boolean tryTake(String source) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(source, ignored -> new Bucket(limits.burst(), now));
        double elapsed = Math.max(0, Duration.between(bucket.updated, now).toNanos());
        bucket.tokens = Math.min(limits.burst(), bucket.tokens + elapsed / limits.refill().toNanos());
        bucket.updated = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }
}
