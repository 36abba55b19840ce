package dev.deliverytracker.adapter.web.webhook;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the webhook takes callbacks, and the ones it is answering now. At a stop (SIGTERM) it
 * closes first, before the web server's own graceful shutdown: callbacks that arrive from then on are
 * answered 503 with Retry-After, so Twilio retries them on another instance or after the restart,
 * and the stop waits until every callback already taken has its answer, which it gets only once
 * durable. The group commit and the database stop after that.
 */
public class WebhookIntake implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final Duration drainTimeout;
    private final AtomicInteger answering = new AtomicInteger();
    private final Object drained = new Object();
    private volatile boolean open;

    /** @param drainTimeout how long a stop waits for the callbacks being answered */
    public WebhookIntake(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** Takes a callback, or answers false when the service is stopping; a taken one must be {@link #done()}. */
    public boolean take() {
        if (!open) {
            return false;
        }
        answering.incrementAndGet();
        if (!open) {
            done();
            return false;
        }
        return true;
    }

    public void done() {
        if (answering.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    @Override
    public void start() {
        open = true;
    }

    @Override
    public void stop() {
        open = false;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (drained) {
            while (answering.get() > 0 && System.nanoTime() < deadline) {
                try {
                    drained.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int left = answering.get();
        if (left > 0) {
            LOG.warn("stopping with {} callbacks still unanswered after {}; none of them was acknowledged, so "
                    + "Twilio retries them", left, drainTimeout);
        } else {
            LOG.info("webhook closed: new callbacks are answered 503, every callback taken has its answer");
        }
    }

    @Override
    public boolean isRunning() {
        return open;
    }

    /** Before the web server's graceful shutdown, which stops at a lower phase. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
