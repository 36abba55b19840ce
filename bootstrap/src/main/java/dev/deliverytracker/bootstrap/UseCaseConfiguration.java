package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.twilio.TwilioSignatureVerifier;
import dev.deliverytracker.adapter.web.WebhookSettings;
import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.service.RecordDeliveryStatusService;
import dev.deliverytracker.application.service.RecordDeliveryStatusService.SignatureCheck;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases as beans: plain classes of the application, wired to their adapters here. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(UseCaseConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SignatureVerifier signatureVerifier() {
        return new TwilioSignatureVerifier();
    }

    @Bean
    RecordDeliveryStatus recordDeliveryStatus(TwilioAccounts accounts, SignatureVerifier verifier, DeliveryLog log,
            RejectedCallbacks rejected, TrackerProperties properties) {
        return new RecordDeliveryStatusService(accounts, verifier, log, rejected, signatureCheck(properties));
    }

    @Bean
    WebhookSettings webhookSettings(TrackerProperties properties) {
        URI base = properties.webhook().publicBaseUrl();
        try {
            return new WebhookSettings(base == null || base.toString().isBlank() ? null : base,
                    properties.webhook().maxBodyBytes());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("tracker.webhook.public-base-url (PUBLIC_BASE_URL): "
                    + invalid.getMessage(), invalid);
        }
    }

    static SignatureCheck signatureCheck(TrackerProperties properties) {
        String setting = properties.webhook().signatureCheck().trim().toLowerCase(Locale.ROOT);
        switch (setting) {
            case "required":
                return SignatureCheck.REQUIRED;
            case "disabled":
                LOG.warn("!!! tracker.webhook.signature-check=disabled: status callbacks are NOT verified; anyone "
                        + "who can reach {} can write delivery statuses. Never run like this in production. !!!",
                        properties.webhook().path());
                return SignatureCheck.DISABLED;
            default:
                throw new IllegalStateException("tracker.webhook.signature-check must be 'required' or 'disabled', was '"
                        + properties.webhook().signatureCheck() + "'");
        }
    }
}
