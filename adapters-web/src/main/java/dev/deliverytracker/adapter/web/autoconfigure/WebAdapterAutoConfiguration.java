package dev.deliverytracker.adapter.web.autoconfigure;

import dev.deliverytracker.adapter.web.WebAdapterConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * The web adapter joins any servlet application that has it on its class path: the webhook, the Event
 * Streams sink, the REST API, the dashboard and its security chains ({@link WebAdapterSettingsAutoConfiguration}
 * gives their settings).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(WebAdapterConfiguration.class)
public class WebAdapterAutoConfiguration {
}
