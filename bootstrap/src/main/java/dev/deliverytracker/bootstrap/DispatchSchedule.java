package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.in.DispatchMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher on this instance. No cluster lock: the outbox claim is exclusive per message,
 * so every instance may dispatch at once, and more instances dispatch faster.
 *
 * <p>Several lanes claim and send at once ({@code tracker.dispatch.lanes}). A round waits for the
 * slowest send of its batch, and Twilio takes 100 to 300 ms to answer each: one lane alone would
 * leave the senders idle while its last answers come in, so the other lanes' rounds keep them busy.
 * The lanes share the sending threads ({@code tracker.dispatch.concurrency}).
 *
 * <p>At a stop it tells the dispatcher to release what it claimed and has not sent, and waits for the
 * rounds under way, so the sends already at Twilio are recorded before the database goes away and no
 * claim waits out its lease on another instance.
 */
@Component
@ConditionalOnProperty(name = "tracker.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);
    /** A round's sends each wait on Twilio for at most the HTTP client's timeouts. */
    private static final Duration ROUND_WAIT = Duration.ofSeconds(30);

    private final DispatchMessages dispatchMessages;
    private final int batchSize;
    private final int lanes;
    private final Duration interval;
    private final Counter failedRounds;
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean dispatching;
    /** Counted down at a stop, so a resting lane wakes at once and nothing else is interrupted. */
    private volatile CountDownLatch stopped = new CountDownLatch(1);

    DispatchSchedule(DispatchMessages dispatchMessages, TrackerProperties properties, MeterRegistry meters) {
        this.dispatchMessages = dispatchMessages;
        this.batchSize = properties.dispatch().batchSize();
        this.lanes = properties.dispatch().lanes();
        this.interval = properties.dispatch().interval();
        if (lanes < 1 || lanes > 16) {
            throw new InvalidSetting("tracker.dispatch.lanes", "must be 1 to 16, was " + lanes, null);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidSetting("tracker.dispatch.interval", "must be positive, was " + interval, null);
        }
        this.failedRounds = Counter.builder("tracker.dispatch.rounds.failed")
                .description("Dispatch rounds that broke as a whole (usually the database); the next round tries again")
                .register(meters);
    }

    /** One lane: keeps going while full batches come back, then rests for the interval. */
    private void lane() {
        while (dispatching) {
            int claimed = 0;
            try {
                claimed = dispatchMessages.dispatchDue();
            } catch (RuntimeException failure) {
                // The next round tries again; claimed messages come back when their lease ends.
                failedRounds.increment();
                LOG.error("dispatch round failed: {}", failure.toString());
            }
            if (claimed < batchSize && dispatching) {
                try {
                    stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        dispatching = true;
        stopped = new CountDownLatch(1);
        for (int i = 1; i <= lanes; i++) {
            Thread thread = new Thread(this::lane, "dispatch-lane-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    @Override
    public synchronized void stop() {
        dispatching = false;
        dispatchMessages.stop();
        stopped.countDown();
        long deadline = System.nanoTime() + ROUND_WAIT.toNanos();
        boolean finished = true;
        try {
            for (Thread thread : running) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                finished &= !thread.isAlive();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        running.clear();
        if (finished) {
            LOG.info("dispatch stopped: sends under way were recorded, unsent claims released");
        } else {
            LOG.warn("dispatch round still running after {}; its claims come back when their lease ends", ROUND_WAIT);
        }
    }

    @Override
    public boolean isRunning() {
        return dispatching;
    }
}
