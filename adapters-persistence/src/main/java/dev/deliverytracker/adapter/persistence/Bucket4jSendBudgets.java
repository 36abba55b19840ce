package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.SendBudgets;
import dev.deliverytracker.application.port.out.SendLimit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Send budgets as Bucket4j token buckets in PostgreSQL (table rate_limit_buckets), so every instance
 * takes from the same bucket. Each take is one short transaction of its own that locks the bucket's row
 * ({@code SELECT ... FOR UPDATE}), shared by the takes that arrive meanwhile (batching); time is the injected {@link Clock}'s, which every instance reads
 * from the same wall clock. A bucket's name carries its limit, so a changed limit starts a new, full
 * bucket rather than reinterpreting an old one.
 */
@Component
public class Bucket4jSendBudgets implements SendBudgets {

    /** Rows of buckets that are full again are kept this much longer, then {@link #removeExpired} may drop them. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(10);

    /** Bucket proxies kept for reuse: batching only merges the calls that go through one proxy. */
    private static final int PROXIES_KEPT = 10_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<String, BucketProxy> proxies = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BucketProxy> eldest) {
                    return size() > PROXIES_KEPT;
                }
            });

    public Bucket4jSendBudgets(DataSource dataSource, Clock clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("bucket_key").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public Optional<Duration> take(String bucket, SendLimit limit) {
        ConsumptionProbe probe = onceMoreIfJustCreated(() -> proxy(bucket, limit).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(String bucket, SendLimit limit) {
        onceMoreIfJustCreated(() -> {
            proxy(bucket, limit).addTokens(1);
            return null;
        });
    }

    /**
     * When two requests (or two instances) create a bucket's row at the same moment, Bucket4j can answer
     * the loser that the bucket does not exist; by then it does, so the command is sent again once.
     */
    private static <T> T onceMoreIfJustCreated(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof BucketNotFoundException) {
                    return command.get();
                }
            }
            throw failure;
        }
    }

    /**
     * Every send of one key takes from the same row, so concurrent sends would queue on its lock one
     * transaction each. Bucket4j's batching sends the takes that arrive while one is in flight as a
     * single command: one transaction for all of them, with the same result as one at a time.
     */
    private BucketProxy proxy(String bucket, SendLimit limit) {
        return proxies.computeIfAbsent(name(bucket, limit), name -> buckets.builder()
                .withOptimization(Optimizations.batching()).build(name, () -> configuration(limit)));
    }

    /** Drops up to {@code batch} rows of buckets that have been full for a while; answers how many. */
    public int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    private static String name(String bucket, SendLimit limit) {
        return bucket + ":" + limit.requests() + "/" + limit.per();
    }

    private static BucketConfiguration configuration(SendLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }

    /** Bucket4j's time from the service's clock: wall-clock time, the same on every instance. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
