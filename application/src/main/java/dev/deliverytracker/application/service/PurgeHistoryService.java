package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.PurgeHistory;
import dev.deliverytracker.application.port.in.PurgeReport;
import dev.deliverytracker.application.port.out.OldHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Deletes history older than the retention period in batches: one bounded statement at a time with
 * a pause in between, so the delete never holds many locks or a long transaction while callbacks are
 * being written. See docs/adr/0014 for why this is not (yet) done by dropping partitions.
 */
public final class PurgeHistoryService implements PurgeHistory {

    private static final System.Logger LOG = System.getLogger(PurgeHistoryService.class.getName());

    private final OldHistory history;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final Pause pause;

    public PurgeHistoryService(OldHistory history, Clock clock, RetentionPolicy policy,
            Pause pause) {
        this.history = history;
        this.clock = clock;
        this.policy = policy;
        this.pause = pause;
    }

    @Override
    public PurgeReport purgeExpired() {
        Instant cutoff = clock.instant().minus(policy.maxAge());
        Batches events = purge(history::deleteDeliveryEventsBefore, cutoff);
        Batches rejected = events.interrupted ? new Batches(0, false, true)
                : purge(history::deleteRejectedCallbacksBefore, cutoff);
        PurgeReport report = new PurgeReport(events.deleted, rejected.deleted, events.complete && rejected.complete);
        if (report.deliveryEvents() > 0 || report.rejectedCallbacks() > 0) {
            LOG.log(System.Logger.Level.INFO, () -> "retention deleted before=" + cutoff + " deliveryEvents=" + report.deliveryEvents()
                    + " rejectedCallbacks=" + report.rejectedCallbacks() + " complete=" + report.complete());
        }
        return report;
    }

    private record Batches(long deleted, boolean complete, boolean interrupted) {
    }

    private Batches purge(BiFunction<Instant, Integer, Integer> delete, Instant cutoff) {
        long deleted = 0;
        for (int batch = 0; batch < policy.maxBatches(); batch++) {
            if (batch > 0) {
                try {
                    pause.sleep(policy.pause());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Batches(deleted, false, true);
                }
            }
            int rows = delete.apply(cutoff, policy.batchSize());
            deleted += rows;
            if (rows < policy.batchSize()) {
                return new Batches(deleted, true, false);
            }
        }
        return new Batches(deleted, false, false);
    }
}
