package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.FoldStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the recorded status changes into the statistics' hourly rollup every
 * {@code tracker.statistics.fold-interval}. The statistics are exact without it (they read the
 * pending changes too); folding keeps those few. Instances take turns through a database lock
 * inside the fold, so no ShedLock lock is needed.
 */
@Component
public class StatisticsRollupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRollupSchedule.class);

    private final FoldStatistics statistics;

    StatisticsRollupSchedule(FoldStatistics statistics) {
        this.statistics = statistics;
    }

    @Scheduled(fixedDelayString = "${tracker.statistics.fold-interval:5s}",
            initialDelayString = "${tracker.statistics.fold-interval:5s}")
    public void run() {
        try {
            long folded = statistics.fold();
            LOG.debug("statistics rollup: {} changes folded", folded);
        } catch (RuntimeException failure) {
            LOG.error("statistics fold failed: {}", failure.toString());
        }
    }
}
