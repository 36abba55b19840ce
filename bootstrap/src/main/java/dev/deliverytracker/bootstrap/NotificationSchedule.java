package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.DeliverNotifications;
import dev.deliverytracker.application.port.in.PurgeDeadLetters;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fans out and posts notifications on this instance: fans out while full batches come back, claims
 * while anything can be claimed, claims again each time a post in flight finishes, and rests for
 * {@code tracker.notifications.interval} once nothing is in flight. A round that breaks (usually the database) is
 * logged and the next one tries again; what it claimed comes back when its lease ends.
 */
class NotificationSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedule.class);

    private final DeliverNotifications notifications;
    private final PurgeDeadLetters purge;
    private final int batchSize;
    /** The longest wait for a post in flight before claiming again anyway. */
    private static final Duration REST = Duration.ofMillis(100);

    private volatile boolean running;

    NotificationSchedule(DeliverNotifications notifications, PurgeDeadLetters purge, int batchSize) {
        this.notifications = notifications;
        this.purge = purge;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${tracker.notifications.interval:100ms}")
    void deliver() {
        if (!running) {
            return;
        }
        try {
            while (running) {
                while (running && notifications.fanOutDue() == batchSize) {
                    // more changes are waiting
                }
                if (notifications.deliverDue() > 0) {
                    continue;
                }
                // Nothing more could be claimed: every place is taken, or nothing is due. Posts complete
                // asynchronously and free their subscription's places as they do: claim again as soon as
                // one finishes; with none in flight, rest.
                if (!notifications.awaitPostFinished(REST)) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            LOG.error("notification round failed: {}", failure.toString());
        }
    }

    /**
     * Dead letters past {@code tracker.notifications.dead-letter-max-age}, hourly. Every instance may run
     * it: a row deleted by one is simply not found by another.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeDeadLetters() {
        if (!running) {
            return;
        }
        try {
            int purged = purge.purgeExpired();
            if (purged > 0) {
                LOG.info("deleted {} dead letters older than the kept period", purged);
            }
        } catch (RuntimeException failure) {
            LOG.error("dead letter purge failed: {}", failure.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
