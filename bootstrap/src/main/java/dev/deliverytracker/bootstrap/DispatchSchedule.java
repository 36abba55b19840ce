package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.DispatchMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher on this instance. No cluster lock: the outbox claim is exclusive per message,
 * so every instance may dispatch at once, and more instances dispatch faster.
 *
 * <p>At a stop it tells the dispatcher to release what it claimed and has not sent, and waits for the
 * round under way, so the sends already at Twilio are recorded before the database goes away and no
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
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean running;

    private final Counter failedRounds;

    DispatchSchedule(DispatchMessages dispatchMessages, TrackerProperties properties, MeterRegistry meters) {
        this.dispatchMessages = dispatchMessages;
        this.batchSize = properties.dispatch().batchSize();
        this.failedRounds = Counter.builder("tracker.dispatch.rounds.failed")
                .description("Dispatch rounds that broke as a whole (usually the database); the next round tries again")
                .register(meters);
    }

    /** Keeps going while full batches come back, then rests for the configured interval. */
    @Scheduled(fixedDelayString = "${tracker.dispatch.interval:200ms}")
    void dispatch() {
        round.lock();
        try {
            int claimed;
            do {
                claimed = running ? dispatchMessages.dispatchDue() : 0;
            } while (claimed == batchSize);
        } catch (RuntimeException failure) {
            // The next round tries again; claimed messages come back when their lease ends.
            failedRounds.increment();
            LOG.error("dispatch round failed: {}", failure.toString());
        } finally {
            round.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        dispatchMessages.stop();
        try {
            if (round.tryLock(ROUND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                round.unlock();
                LOG.info("dispatch stopped: sends under way were recorded, unsent claims released");
            } else {
                LOG.warn("dispatch round still running after {}; its claims come back when their lease ends",
                        ROUND_WAIT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
