package dev.deliverytracker.adapter.twilio.autoconfigure;

import dev.deliverytracker.adapter.twilio.TwilioBodySignatureVerifier;
import dev.deliverytracker.adapter.twilio.TwilioAccountFetcher;
import dev.deliverytracker.adapter.twilio.TwilioMessageGateway;
import dev.deliverytracker.adapter.twilio.TwilioSignatureVerifier;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Twilio as the messaging provider ({@code tracker.twilio.enabled}, on by default): the gateway on
 * twilio-java and the two signature verifiers, each only when the application or another adapter has
 * not defined its own bean of the port.
 *
 * <p>The gateway sends to the {@link URI} bean named {@value #API_BASE_URL_BEAN} when there is one (the
 * service's embedded simulator), else to {@code tracker.twilio.api-base-url} when set, else to Twilio.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tracker.twilio.enabled", havingValue = "true", matchIfMissing = true)
public class TwilioAdapterAutoConfiguration {

    /** The name of an optional {@link URI} bean that overrides where the gateway sends. */
    public static final String API_BASE_URL_BEAN = "twilioApiBaseUrl";

    @Bean
    @ConditionalOnMissingBean(SignatureVerifier.class)
    SignatureVerifier twilioSignatureVerifier() {
        return new TwilioSignatureVerifier();
    }

    @Bean
    @ConditionalOnMissingBean(BodySignatureVerifier.class)
    BodySignatureVerifier twilioBodySignatureVerifier() {
        return new TwilioBodySignatureVerifier();
    }

    @Bean
    @ConditionalOnMissingBean(MessageGateway.class)
    MessageGateway twilioMessageGateway(TwilioAccounts accounts, Environment environment,
            @Qualifier(API_BASE_URL_BEAN) ObjectProvider<URI> apiBaseUrl) {
        URI base = apiBaseUrl(environment, apiBaseUrl);
        return new TwilioMessageGateway(
                sid -> accounts.findBySid(sid).map(TwilioAccount::currentAuthToken).orElse(null), base);
    }

    /** Checks an account's SID and token against Twilio's Accounts resource, where the gateway sends. */
    @Bean
    @ConditionalOnMissingBean(TwilioAccountCheck.class)
    TwilioAccountCheck twilioAccountCheck(Environment environment,
            @Qualifier(API_BASE_URL_BEAN) ObjectProvider<URI> apiBaseUrl) {
        return new TwilioAccountFetcher(apiBaseUrl(environment, apiBaseUrl));
    }

    /** The URI bean when there is one, else {@code tracker.twilio.api-base-url}; null for Twilio itself. */
    private static URI apiBaseUrl(Environment environment, ObjectProvider<URI> bean) {
        try {
            return bean.getIfAvailable(() -> {
                String configured = environment.getProperty("tracker.twilio.api-base-url", "");
                return configured.isBlank() ? null : URI.create(configured.trim());
            });
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("tracker.twilio.api-base-url (TWILIO_API_BASE_URL): " + invalid.getMessage(),
                    invalid);
        }
    }
}
