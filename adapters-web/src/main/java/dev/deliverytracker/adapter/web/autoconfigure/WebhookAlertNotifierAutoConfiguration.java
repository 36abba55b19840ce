package dev.deliverytracker.adapter.web.autoconfigure;

import dev.deliverytracker.adapter.web.outbound.WebhookAlertNotifier;
import dev.deliverytracker.application.port.out.AlertNotifier;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Alerts posted to each rule's webhook ({@code tracker.alerts.notifier=webhook}, the default), unless the
 * application or another adapter defines its own {@link AlertNotifier}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tracker.alerts.notifier", havingValue = "webhook", matchIfMissing = true)
public class WebhookAlertNotifierAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AlertNotifier.class)
    AlertNotifier webhookAlertNotifier(Environment environment) {
        Duration timeout = Binder.get(environment).bind("tracker.alerts.webhook-timeout", Duration.class)
                .orElse(Duration.ofSeconds(5));
        try {
            return new WebhookAlertNotifier(timeout);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("tracker.alerts.webhook-timeout: " + invalid.getMessage(), invalid);
        }
    }
}
