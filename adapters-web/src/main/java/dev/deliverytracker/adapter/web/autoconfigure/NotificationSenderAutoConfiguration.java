package dev.deliverytracker.adapter.web.autoconfigure;

import dev.deliverytracker.adapter.web.outbound.HttpNotificationSender;
import dev.deliverytracker.adapter.web.outbound.ReceiverAddressGuard;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Status-change notifications over HTTPS: the receiver address rules and the sender, each backing off
 * for another bean of its port, built from this adapter's own {@code tracker.notifications.*} settings
 * ({@link NotificationSenderProperties}).
 */
@AutoConfiguration
@EnableConfigurationProperties(NotificationSenderProperties.class)
public class NotificationSenderAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSenderAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(ReceiverAddresses.class)
    ReceiverAddressGuard receiverAddressGuard(NotificationSenderProperties settings) {
        return guard(settings);
    }

    private static ReceiverAddressGuard guard(NotificationSenderProperties settings) {
        return new ReceiverAddressGuard(settings.allowPrivateAddresses(), settings.allowHttpLoopback(),
                ReceiverAddressGuard.systemResolver());
    }

    @Bean
    NotificationSenderThreads notificationSenderThreads(NotificationSenderProperties settings) {
        return new NotificationSenderThreads(settings.senderThreads());
    }

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    HttpNotificationSender httpNotificationSender(NotificationSenderProperties settings,
            NotificationSenderThreads threads) {
        if (settings.allowPrivateAddresses() || settings.allowHttpLoopback()) {
            LOG.warn("notifications may go to internal addresses: allow-private-addresses={}, allow-http-loopback={}",
                    settings.allowPrivateAddresses(), settings.allowHttpLoopback());
        }
        // The sender's own guard, whatever answers the port: it resolves every name the client connects to.
        return new HttpNotificationSender(guard(settings), settings.connectTimeout(), settings.answerTimeout(),
                settings.perSubscription(), threads.executor);
    }

    /**
     * The threads that finish HTTP exchanges and write their outcomes; stopped with the application. Not
     * an {@code Executor} bean, which would take the place of Spring Boot's own task executor.
     */
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

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }
}
