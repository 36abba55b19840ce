package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.DeliverNotifications;
import dev.deliverytracker.application.port.in.PurgeDeadLetters;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.service.DeadLetterPurgeService;
import dev.deliverytracker.application.service.NotificationDeliveryService;
import dev.deliverytracker.application.service.StatusFeedRelay;
import dev.deliverytracker.application.service.StatusCallbackSecretService;
import dev.deliverytracker.application.service.SubscriptionService;
import dev.deliverytracker.domain.NotificationBackoff;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Status-change notifications (issue 21): the use cases and the job that fans out and posts on this
 * instance; the HTTP sender, its address rules and its settings come from the web adapter's
 * auto-configuration. A claim holds for the sender's longest exchange, and no subscription has more in
 * flight than the sender carries to one receiver. No cluster lock: fan-out and claims skip what another
 * instance holds, so every instance may run them.
 * The feeds' relay takes whichever {@link StatusFeedPublisher} adapters brought (none by default);
 * each feed adapter schedules its own relay rounds (docs/kafka.md).
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    NotificationDeliveryService notificationDeliveryService(NotificationOutbox outbox, Subscriptions subscriptions,
            NotificationSender sender, NotificationProperties properties, Clock clock) {
        return new NotificationDeliveryService(outbox, subscriptions, sender,
                new NotificationBackoff(properties.firstRetryDelay(), properties.maxRetryDelay(),
                        properties.retryHorizon()),
                // The sender says how long one exchange may take and how many it carries to one receiver.
                new NotificationDeliveryService.Settings(new ClaimLimits(properties.batchSize(),
                        sender.postsPerReceiver(), properties.perCallbackHost(), properties.callbacksPerOrganization()),
                        NotificationProperties.lease(sender.longestExchange())),
                clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SubscriptionService subscriptionService(Subscriptions subscriptions, NotificationOutbox outbox,
            NotificationSender sender, ReceiverAddresses addresses, Clock clock) {
        return new SubscriptionService(subscriptions, outbox, sender, addresses, clock);
    }

    @Bean
    DeadLetterPurgeService deadLetterPurgeService(NotificationOutbox outbox, NotificationProperties properties,
            Clock clock) {
        return new DeadLetterPurgeService(outbox, properties.deadLetterMaxAge(), clock);
    }

    @Bean
    StatusCallbackSecretService statusCallbackSecretService(StatusCallbackSigners signers, Clock clock) {
        return new StatusCallbackSecretService(signers, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "tracker.notifications.enabled", havingValue = "true", matchIfMissing = true)
    NotificationSchedule notificationSchedule(DeliverNotifications notifications, PurgeDeadLetters purge,
            NotificationProperties properties) {
        return new NotificationSchedule(notifications, purge, properties.batchSize());
    }

    @Bean
    StatusFeedRelay statusFeedRelay(StatusFeedOutbox feeds, ObjectProvider<StatusFeedPublisher> publishers, Clock clock) {
        return new StatusFeedRelay(feeds, publishers.orderedStream().toList(), clock);
    }
}
