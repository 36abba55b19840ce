package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.DispatchMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher on this instance. No cluster lock: the outbox claim is exclusive per message,
 * so every instance may dispatch at once, and more instances dispatch faster.
 */
@Component
@ConditionalOnProperty(name = "tracker.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);

    private final DispatchMessages dispatchMessages;
    private final int batchSize;

    DispatchSchedule(DispatchMessages dispatchMessages, TrackerProperties properties) {
        this.dispatchMessages = dispatchMessages;
        this.batchSize = properties.dispatch().batchSize();
    }

    /** Keeps going while full batches come back, then rests for the configured interval. */
    @Scheduled(fixedDelayString = "${tracker.dispatch.interval:200ms}")
    void dispatch() {
        try {
            int claimed;
            do {
                claimed = dispatchMessages.dispatchDue();
            } while (claimed == batchSize);
        } catch (RuntimeException failure) {
            // The next round tries again; claimed messages come back when their lease ends.
            LOG.error("dispatch round failed: {}", failure.toString());
        }
    }
}
