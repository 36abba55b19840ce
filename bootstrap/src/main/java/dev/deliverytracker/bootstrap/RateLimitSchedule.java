package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.RemoveIdleSendBudgets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops the rows of send budgets that have been full and idle for a while (keys no longer used, limits
 * since changed). Safe on every instance at once: Bucket4j deletes with SKIP LOCKED.
 */
@Component
class RateLimitSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitSchedule.class);

    private final RemoveIdleSendBudgets budgets;

    RateLimitSchedule(RemoveIdleSendBudgets budgets) {
        this.budgets = budgets;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeIdleBuckets() {
        try {
            int removed = budgets.removeIdle();
            LOG.debug("idle send budgets removed: {}", removed);
        } catch (RuntimeException failure) {
            LOG.warn("removing idle send budgets failed; the next round tries again: {}", failure.toString());
        }
    }
}
