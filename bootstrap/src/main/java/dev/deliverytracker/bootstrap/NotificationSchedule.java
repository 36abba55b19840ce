package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.DeliverNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fans out and posts notifications on this instance: fans out while full batches come back,
 * claims while anything can be claimed, then rests for {@code tracker.notifications.interval}. A round that breaks (usually the database) is
 * logged and the next one tries again; what it claimed comes back when its lease ends.
 */
class NotificationSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedule.class);

    private final DeliverNotifications notifications;
    private final int batchSize;
    private volatile boolean running;

    NotificationSchedule(DeliverNotifications notifications, int batchSize) {
        this.notifications = notifications;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${tracker.notifications.interval:100ms}")
    void deliver() {
        if (!running) {
            return;
        }
        try {
            while (running && notifications.fanOutDue() == batchSize) {
                // more changes are waiting
            }
            while (running && notifications.deliverDue() > 0) {
                // Posts complete asynchronously and free their subscription's places as they do: claim
                // again until nothing more can be taken, then rest.
            }
        } catch (RuntimeException failure) {
            LOG.error("notification round failed: {}", failure.toString());
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
