package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.CollectCharges;
import dev.deliverytracker.application.port.in.ReconcileMessages;
import dev.deliverytracker.application.port.in.ReconcileRun;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciler, then the charge collector in what its run left of the fetch budget, every
 * {@code tracker.reconcile.interval}, on one instance at a time: the
 * ShedLock lock {@code reconcile} in the database. {@code lockAtLeastFor} keeps another instance
 * whose schedule fires a moment later from running the same round again.
 */
@Component
@ConditionalOnProperty(name = "tracker.reconcile.enabled", havingValue = "true", matchIfMissing = true)
public class ReconcileSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final ReconcileMessages reconcile;
    private final ObjectProvider<CollectCharges> charges;

    ReconcileSchedule(ReconcileMessages reconcile, ObjectProvider<CollectCharges> charges) {
        this.reconcile = reconcile;
        this.charges = charges;
    }

    @Scheduled(fixedDelayString = "${tracker.reconcile.interval:1m}", initialDelayString = "${tracker.reconcile.interval:1m}")
    // A run polls at most batch-size / fetches-per-second (10 s by default). A run that a database
    // outage cut short cannot release its lock: the next one starts when the lock expires.
    @SchedulerLock(name = "reconcile", lockAtLeastFor = "PT5S",
            lockAtMostFor = "${tracker.reconcile.lock-at-most-for:PT2M}")
    public void run() {
        try {
            ReconcileRun run = reconcile.reconcileStale();
            // Prices share the run's fetch budget and its lock: one instance at a time asks Twilio.
            charges.ifAvailable(collect -> collect.collectAfter(run));
        } catch (RuntimeException failure) {
            // The next run tries again; nothing was half done beyond what each poll recorded.
            LOG.error("reconcile run failed: {}", failure.toString());
        }
    }
}
