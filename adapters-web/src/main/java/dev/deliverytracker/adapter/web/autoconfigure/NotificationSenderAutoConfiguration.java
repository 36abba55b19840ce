package dev.deliverytracker.adapter.web.autoconfigure;

import dev.deliverytracker.adapter.web.outbound.HttpNotificationSender;
import dev.deliverytracker.adapter.web.outbound.ReceiverAddressGuard;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Status-change notifications over HTTPS: the receiver address rules and the sender, each backing off
 * for another bean of its port. The settings are the service's {@code tracker.notifications.*}
 * (checked at start by the service's own properties); the defaults here are the same.
 */
@AutoConfiguration
public class NotificationSenderAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSenderAutoConfiguration.class);
    private static final String PREFIX = "tracker.notifications.";

    @Bean
    @ConditionalOnMissingBean(ReceiverAddresses.class)
    ReceiverAddressGuard receiverAddressGuard(Environment environment) {
        return guard(Binder.get(environment));
    }

    private static ReceiverAddressGuard guard(Binder settings) {
        boolean allowPrivate = settings.bind(PREFIX + "allow-private-addresses", Boolean.class).orElse(false);
        boolean allowHttpLoopback = settings.bind(PREFIX + "allow-http-loopback", Boolean.class).orElse(false);
        return new ReceiverAddressGuard(allowPrivate, allowHttpLoopback, ReceiverAddressGuard.systemResolver());
    }

    @Bean
    NotificationSenderThreads notificationSenderThreads(Environment environment) {
        return new NotificationSenderThreads(
                Binder.get(environment).bind(PREFIX + "sender-threads", Integer.class).orElse(4));
    }

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    HttpNotificationSender httpNotificationSender(Environment environment, NotificationSenderThreads threads) {
        Binder settings = Binder.get(environment);
        boolean allowPrivate = settings.bind(PREFIX + "allow-private-addresses", Boolean.class).orElse(false);
        boolean allowHttpLoopback = settings.bind(PREFIX + "allow-http-loopback", Boolean.class).orElse(false);
        if (allowPrivate || allowHttpLoopback) {
            LOG.warn("notifications may go to internal addresses: allow-private-addresses={}, allow-http-loopback={}",
                    allowPrivate, allowHttpLoopback);
        }
        // The sender's own guard, whatever answers the port: it resolves every name the client connects to.
        return new HttpNotificationSender(guard(settings),
                settings.bind(PREFIX + "connect-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
                settings.bind(PREFIX + "answer-timeout", Duration.class).orElse(Duration.ofSeconds(10)),
                Math.max(settings.bind(PREFIX + "per-subscription", Integer.class).orElse(64),
                        settings.bind(PREFIX + "per-callback-host", Integer.class).orElse(64)),
                threads.executor);
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
