package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.web.HttpNotificationSender;
import dev.deliverytracker.adapter.web.ReceiverAddressGuard;
import dev.deliverytracker.application.port.in.DeliverNotifications;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.service.NotificationDeliveryService;
import dev.deliverytracker.application.service.SubscriptionService;
import dev.deliverytracker.domain.NotificationBackoff;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Status-change notifications (issue 21): the use cases, the HTTP sender with its address rules, and
 * the job that fans out and posts on this instance. No cluster lock: fan-out and claims skip what
 * another instance holds, so every instance may run them.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    ReceiverAddressGuard receiverAddressGuard(NotificationProperties properties) {
        if (properties.allowPrivateAddresses() || properties.allowHttpLoopback()) {
            LOG.warn("notifications may go to internal addresses: allow-private-addresses={}, allow-http-loopback={}",
                    properties.allowPrivateAddresses(), properties.allowHttpLoopback());
        }
        return new ReceiverAddressGuard(properties.allowPrivateAddresses(), properties.allowHttpLoopback(),
                ReceiverAddressGuard.systemResolver());
    }

    @Bean
    NotificationSenderThreads notificationSenderThreads(NotificationProperties properties) {
        return new NotificationSenderThreads(properties.senderThreads());
    }

    @Bean
    HttpNotificationSender httpNotificationSender(ReceiverAddresses addresses, NotificationProperties properties,
            NotificationSenderThreads threads) {
        return new HttpNotificationSender(addresses, properties.connectTimeout(), properties.answerTimeout(),
                threads.executor());
    }

    @Bean
    NotificationDeliveryService notificationDeliveryService(NotificationOutbox outbox, Subscriptions subscriptions,
            NotificationSender sender, NotificationProperties properties, Clock clock) {
        return new NotificationDeliveryService(outbox, subscriptions, sender,
                new NotificationBackoff(properties.firstRetryDelay(), properties.maxRetryDelay(),
                        properties.retryHorizon()),
                new NotificationDeliveryService.Settings(properties.batchSize(), properties.perSubscription(),
                        properties.lease()),
                clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SubscriptionService subscriptionService(Subscriptions subscriptions, NotificationOutbox outbox,
            NotificationSender sender, ReceiverAddresses addresses, Clock clock) {
        return new SubscriptionService(subscriptions, outbox, sender, addresses, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "tracker.notifications.enabled", havingValue = "true", matchIfMissing = true)
    NotificationSchedule notificationSchedule(DeliverNotifications notifications, NotificationProperties properties) {
        return new NotificationSchedule(notifications, properties.batchSize());
    }

    /** The threads that finish HTTP exchanges and write their outcomes; stopped with the application. */
    static final class NotificationSenderThreads implements DisposableBean {

        private final ExecutorService executor;

        NotificationSenderThreads(int threads) {
            AtomicInteger number = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "notification-sender-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        ExecutorService executor() {
            return executor;
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }
}
