package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.persistence.Bucket4jSendBudgets;
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

    private final Bucket4jSendBudgets budgets;

    RateLimitSchedule(Bucket4jSendBudgets budgets) {
        this.budgets = budgets;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeIdleBuckets() {
        try {
            int removed;
            do {
                removed = budgets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException failure) {
            LOG.warn("removing idle send budgets failed; the next round tries again: {}", failure.toString());
        }
    }
}
