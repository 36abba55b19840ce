package dev.deliverytracker.application.port;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Times to deliver counted in logarithmic buckets of ratio 1.1: bucket {@code b >= 1} holds
 * [1.1^(b-1), 1.1^b) milliseconds, bucket 0 less than a millisecond. A percentile read from the
 * counts is the middle of its bucket, within 5% of the exact value. The SQL function
 * {@code delivery_time_bucket} (migration V10) computes the same buckets.
 */
public final class DeliveryTimeHistogram {

    static final double RATIO = 1.1;

    private DeliveryTimeHistogram() {
    }

    public static int bucketOf(Duration taken) {
        double millis = taken.toNanos() / 1e6;
        return millis < 1 ? 0 : (int) Math.floor(Math.log(millis) / Math.log(RATIO)) + 1;
    }

    /** The geometric middle of the bucket, the value a percentile falling in it is given. */
    public static Duration middleOf(int bucket) {
        if (bucket <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(Math.pow(RATIO, bucket - 0.5) * 1e6));
    }

    /** The nearest-rank percentile ({@code fraction} 0.5 for the median) of the counts by bucket; empty when none. */
    public static Optional<Duration> percentile(SortedMap<Integer, Long> countsByBucket, double fraction) {
        long total = countsByBucket.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : countsByBucket.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return Optional.of(middleOf(entry.getKey()));
            }
        }
        return Optional.of(middleOf(countsByBucket.lastKey()));
    }
}
