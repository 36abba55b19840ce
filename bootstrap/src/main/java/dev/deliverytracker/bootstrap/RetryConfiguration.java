package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.RetryFailedMessages;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.application.service.RetryService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries of failed messages: the use cases, and the job that sends again what each organization's
 * policy says is worth it. The job needs no cluster lock: a retry takes the message's row lock and
 * checks it is still failed, so two instances cannot both start a new attempt.
 */
@Configuration(proxyBeanMethods = false)
class RetryConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RetryConfiguration.class);

    @Bean
    RetryService retryService(FailedMessages failed, MessageStore messages, Outbox outbox, RetryPolicies policies,
            Clock clock) {
        return new RetryService(failed, messages, outbox, policies, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "tracker.retry.enabled", havingValue = "true", matchIfMissing = true)
    RetrySchedule retrySchedule(RetryFailedMessages retries) {
        return new RetrySchedule(retries);
    }

    static class RetrySchedule {

        private final RetryFailedMessages retries;

        RetrySchedule(RetryFailedMessages retries) {
            this.retries = retries;
        }

        @Scheduled(fixedDelayString = "${tracker.retry.interval:30s}", initialDelayString = "${tracker.retry.interval:30s}")
        void retryDue() {
            try {
                int scheduled = retries.retryDue();
                if (scheduled > 0) {
                    LOG.info("retry round: {} failed messages get a new attempt", scheduled);
                }
            } catch (RuntimeException failure) {
                LOG.error("retry round failed: {}", failure.toString());
            }
        }
    }
}
