package dev.deliverytracker.adapter.web.eventstreams;

import dev.deliverytracker.adapter.web.webhook.WebhookIntake;
import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import dev.deliverytracker.application.port.in.RecordStreamedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The Event Streams sink, first in the servlet filter chain and on its own path only, as the webhook. */
@Configuration(proxyBeanMethods = false)
class EventStreamsEndpointConfiguration {

    @Bean
    FilterRegistrationBean<EventStreamsEndpoint> eventStreamsEndpoint(RecordStreamedEvents recordStreamedEvents,
            ObjectProvider<EventStreamsSettings> settings, WebhookSettings webhookSettings,
            ObjectProvider<HttpFirewall> firewall, RequestRejectedHandler rejectedHandler, MeterRegistry meters,
            Clock clock, WebhookIntake intake) {
        EventStreamsSettings sink = settings.getIfAvailable(EventStreamsSettings::defaults);
        EventStreamsEndpoint endpoint = new EventStreamsEndpoint(recordStreamedEvents, sink, webhookSettings,
                firewall.getIfAvailable(StrictHttpFirewall::new), rejectedHandler, meters, clock, intake);
        FilterRegistrationBean<EventStreamsEndpoint> registration = new FilterRegistrationBean<>(endpoint);
        registration.setName("eventStreamsEndpoint");
        registration.addUrlPatterns(sink.path());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
