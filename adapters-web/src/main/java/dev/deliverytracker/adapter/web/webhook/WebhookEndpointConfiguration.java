package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The webhook's endpoint, first in the servlet filter chain and on its own path only. */
@Configuration(proxyBeanMethods = false)
class WebhookEndpointConfiguration {

    /** Longer than a callback can wait for its batch (10 s by default), so every taken one is answered. */
    @Bean
    WebhookIntake webhookIntake(@Value("${tracker.webhook.drain-timeout:15s}") Duration drainTimeout) {
        return new WebhookIntake(drainTimeout);
    }

    @Bean
    FilterRegistrationBean<StatusCallbackEndpoint> statusCallbackEndpoint(RecordDeliveryStatus recordDeliveryStatus,
            WebhookSettings settings, ObjectProvider<HttpFirewall> firewall, RequestRejectedHandler rejectedHandler,
            MeterRegistry meters, Clock clock, WebhookIntake intake) {
        // The firewall Spring Security would apply to the path, its own default unless one is configured.
        StatusCallbackEndpoint endpoint = new StatusCallbackEndpoint(recordDeliveryStatus, settings,
                firewall.getIfAvailable(StrictHttpFirewall::new), rejectedHandler, meters, clock, intake);
        FilterRegistrationBean<StatusCallbackEndpoint> registration = new FilterRegistrationBean<>(endpoint);
        registration.setName("statusCallbackEndpoint");
        registration.addUrlPatterns(settings.path());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
