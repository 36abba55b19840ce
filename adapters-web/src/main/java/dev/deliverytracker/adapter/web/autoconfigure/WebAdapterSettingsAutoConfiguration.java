package dev.deliverytracker.adapter.web.autoconfigure;

import dev.deliverytracker.adapter.web.dashboard.DashboardSettings;
import dev.deliverytracker.adapter.web.eventstreams.EventStreamsSettings;
import dev.deliverytracker.adapter.web.webhook.SourceAddressRefusalBudget;
import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.out.RefusalBudget;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The web adapter's settings, bound from its own part of {@code tracker.*} ({@code tracker.webhook.*}
 * but {@code signature-check}, the sink's {@code tracker.event-streams.*}, the dashboard's sign-in
 * throttle), and the per-address budget of refused callbacks built from them. A refused value stops the
 * start naming its setting (the service reports it). Each backs off for a bean of the application.
 */
@AutoConfiguration(before = WebAdapterAutoConfiguration.class)
@EnableConfigurationProperties({WebhookProperties.class, DashboardSignInProperties.class,
        EventStreamsSinkProperties.class})
public class WebAdapterSettingsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookSettings webhookSettings(WebhookProperties webhook) {
        URI base = webhook.publicBaseUrl();
        return InvalidSetting.building("tracker.webhook.public-base-url (PUBLIC_BASE_URL)",
                () -> new WebhookSettings(base == null || base.toString().isBlank() ? null : base, webhook.path(),
                        webhook.maxBodyBytes()));
    }

    @Bean
    @ConditionalOnMissingBean
    DashboardSettings dashboardSettings(DashboardSignInProperties dashboard, WebhookProperties webhook) {
        return new DashboardSettings(webhook.path(), dashboard.signInFailuresAllowed(), dashboard.signInLockout());
    }

    @Bean
    @ConditionalOnMissingBean
    EventStreamsSettings eventStreamsSettings(EventStreamsSinkProperties sink) {
        return InvalidSetting.building("tracker.event-streams.*",
                () -> new EventStreamsSettings(sink.path(), sink.maxBodyBytes(), sink.username(), sink.password()));
    }

    /** Refused callbacks kept per source address, on the application's clock when it has one. */
    @Bean
    @ConditionalOnMissingBean(RefusalBudget.class)
    RefusalBudget refusalBudget(WebhookProperties webhook, ObjectProvider<Clock> clock) {
        WebhookProperties.RefusalLimit limit = webhook.refusalLimit();
        return InvalidSetting.building("tracker.webhook.refusal-limit.*",
                () -> new SourceAddressRefusalBudget(new SourceAddressRefusalBudget.Limits(limit.burst(),
                        limit.refill(), limit.maxSources()), clock.getIfAvailable(Clock::systemUTC)));
    }
}
