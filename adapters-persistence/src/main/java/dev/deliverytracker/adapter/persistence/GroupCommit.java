package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.ReportedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Group commit for callbacks: callers wait while one writer records everything that queued up in a
 * single transaction, and each caller gets its own outcome only after that transaction commits. The
 * writer takes whatever is waiting without waiting for more, so a lone callback is written at once
 * and batches grow only under load, by as much as arrived during the previous commit.
 *
 * <p>A batch that fails because the database cannot be reached marks it unreachable: from then on
 * callbacks are refused at once instead of each waiting out a connection timeout, and the writers
 * ask the database once in a while until it answers again.
 */
@Component
class GroupCommit implements DisposableBean, MeterBinder, DeliveryLogAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final EventBatchWriter writer;
    private final GroupCommitSettings settings;
    private final DatabaseProbe probe;
    private volatile Instant unreachableSince;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    // No-op meters until Spring binds this to the meter registry; tests that build one by hand keep them.
    private volatile DistributionSummary batchSizes;
    private volatile Counter failedBatches;
    private volatile Counter refusedUnreachable;

    private record Pending(ReportedEvent event, CompletableFuture<RecordOutcome> outcome) {
    }

    @Autowired
    GroupCommit(EventBatchWriter writer, ObjectProvider<GroupCommitSettings> settings, DatabaseProbe probe) {
        this(writer, settings.getIfAvailable(GroupCommitSettings::defaults), probe);
    }

    GroupCommit(EventBatchWriter writer, GroupCommitSettings settings, DatabaseProbe probe) {
        this.writer = writer;
        this.settings = settings;
        this.probe = probe;
        this.queue = new ArrayBlockingQueue<>(this.settings.queueCapacity());
        registerBatchMeters(new CompositeMeterRegistry());
        if (settings.enabled()) {
            // Batches lock their SIDs and messages in one global order, so writers never deadlock.
            for (int i = 0; i < settings.writers(); i++) {
                Thread thread = new Thread(this::writeBatches, "callback-group-commit-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
    }

    RecordOutcome record(ReportedEvent event) {
        if (!settings.enabled()) {
            return writer.record(List.of(event)).get(0);
        }
        Instant down = unreachableSince;
        if (down != null) {
            refusedUnreachable.increment();
            throw new DeliveryLogUnavailable(down);
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new DeliveryLogOverloaded(settings.queueCapacity());
        }
        try {
            return pending.outcome().get(settings.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("recording the callback failed", failed.getCause());
        } catch (TimeoutException slow) {
            // It may still commit; Twilio's retry is then absorbed as a duplicate.
            throw new IllegalStateException("the callback was not recorded within " + settings.waitTimeout(), slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the callback was being recorded", interrupted);
        }
    }

    @Override
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    /** How many callbacks wait for the writer right now. */
    int waiting() {
        return queue.size();
    }

    /**
     * What an operator needs to see a burst coming before it is refused: the queue filling towards
     * its capacity (then the webhook answers 503), how many callbacks each transaction takes, and
     * the transactions that failed (each of their callbacks was answered 503).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.ingest.waiting", this, GroupCommit::waiting)
                .description("Callbacks waiting for the group-commit writer; past tracker.ingest.queue-capacity "
                        + "the webhook answers 503")
                .register(registry);
        registerBatchMeters(registry);
    }

    private void registerBatchMeters(MeterRegistry registry) {
        batchSizes = DistributionSummary.builder("tracker.ingest.batch.size")
                .description("Callbacks written in one transaction").register(registry);
        failedBatches = Counter.builder("tracker.ingest.batches.failed")
                .description("Group-commit transactions that failed; each of their callbacks was answered 503")
                .register(registry);
        refusedUnreachable = Counter.builder("tracker.ingest.refused.unreachable")
                .description("Callbacks answered 503 at once because the database was known to be unreachable")
                .register(registry);
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                if (unreachableSince != null) {
                    awaitDatabase();
                    continue;
                }
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        batchSizes.record(batch.size());
        List<RecordOutcome> outcomes;
        try {
            outcomes = writer.record(batch.stream().map(Pending::event).toList());
        } catch (RuntimeException failure) {
            // The transaction rolled back: nobody in this batch is acknowledged, and each retry starts afresh.
            failedBatches.increment();
            LOG.warn("batch of {} callbacks not recorded: {}", batch.size(), failure.toString());
            batch.forEach(pending -> pending.outcome().completeExceptionally(failure));
            if (ConnectionFailure.isOne(failure)) {
                unreachable(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private synchronized void unreachable(RuntimeException failure) {
        if (unreachableSince == null) {
            unreachableSince = Instant.now();
            LOG.error("the database cannot be reached ({}); callbacks are answered 503 at once until it answers "
                    + "again", failure.toString());
        }
        refuseWaiting();
    }

    /** While the database is away: ask it again after a pause, and refuse whatever queued meanwhile. */
    private void awaitDatabase() throws InterruptedException {
        refuseWaiting();
        try {
            probe.check();
        } catch (RuntimeException stillAway) {
            Thread.sleep(PROBE_INTERVAL.toMillis());
            return;
        }
        synchronized (this) {
            Instant since = unreachableSince;
            if (since != null) {
                unreachableSince = null;
                LOG.info("the database answers again after {}; callbacks are taken again",
                        Duration.between(since, Instant.now()));
            }
        }
    }

    private void refuseWaiting() {
        Instant since = unreachableSince;
        if (since == null) {
            return;
        }
        List<Pending> stranded = new ArrayList<>();
        queue.drainTo(stranded);
        stranded.forEach(pending -> pending.outcome().completeExceptionally(new DeliveryLogUnavailable(since)));
    }

    /** Stops taking callbacks and writes what is already queued before the database goes away. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(settings.waitTimeout().toMillis());
        }
    }
}
