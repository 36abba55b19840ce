package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.PurgeHistory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention purge every {@code tracker.retention.interval}, on one instance at a time (the
 * ShedLock lock {@code retention}). A run of the maximum batches with their pauses can take minutes,
 * hence the longer {@code lockAtMostFor}.
 */
@Component
@ConditionalOnProperty(name = "tracker.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final PurgeHistory purge;

    RetentionSchedule(PurgeHistory purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelayString = "${tracker.retention.interval:1h}", initialDelayString = "${tracker.retention.interval:1h}")
    @SchedulerLock(name = "retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30S")
    public void run() {
        try {
            purge.purgeExpired();
        } catch (RuntimeException failure) {
            LOG.error("retention run failed: {}", failure.toString());
        }
    }
}
