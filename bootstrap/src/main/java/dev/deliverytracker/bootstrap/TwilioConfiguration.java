package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which Twilio the service talks to: the account configured in {@code tracker.twilio.*}, or, when
 * none is, the embedded simulator, so a first run works offline and says loudly that nothing
 * leaves the machine.
 */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioConfiguration.class);

    /** A number of Twilio's own test range; the simulator accepts any sender. */
    static final String SIMULATOR_SENDER = "+15005550006";

    /** The most sends the dispatcher holds open at once ({@code tracker.dispatch.concurrency} at most 64). */
    private static final int EMBEDDED_SERVER_THREADS = 64;

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${tracker.twilio.account-sid:}'.isBlank()")
    TwilioSimulator embeddedTwilioSimulator(TrackerProperties properties) {
        TrackerProperties.Simulator pace = properties.simulator();
        SimulatorSettings defaults = SimulatorSettings.defaults();
        // Each create held for its delay keeps one server thread, as many as the dispatcher may send at once.
        TwilioSimulator simulator = InvalidSetting.building("tracker.simulator.*", () -> TwilioSimulator.start(
                new SimulatorSettings(defaults.host(), pace.port(), defaults.accountSid(), defaults.authToken(),
                        defaults.seed(), EMBEDDED_SERVER_THREADS, defaults.retryBackoffMs(),
                        defaults.behaviour().withDelays(pace.minDelay().toMillis(), pace.maxDelay().toMillis())
                                .withCreateDelay(pace.createDelay().toMillis()),
                        defaults.clock())));
        LOG.warn("""

                ************************************************************************
                  No Twilio credentials configured (tracker.twilio.account-sid):
                  using the embedded Twilio SIMULATOR at {}.
                  Nothing leaves this machine; no real message is sent.
                ************************************************************************""", simulator.baseUrl());
        return simulator;
    }

    /**
     * Where the Twilio adapter sends when the simulator is embedded: the adapter's auto-configuration
     * takes a {@link URI} bean of this name over {@code tracker.twilio.api-base-url}.
     */
    @Bean("twilioApiBaseUrl")
    @ConditionalOnExpression("'${tracker.twilio.account-sid:}'.isBlank()")
    URI twilioApiBaseUrl(TwilioSimulator embeddedTwilioSimulator) {
        return embeddedTwilioSimulator.baseUrl();
    }

    /** The organization 'default': the configured account (or the simulator's) and its sender. */
    @Bean
    DefaultOrganization defaultOrganization(TrackerProperties properties, Organizations organizations,
            ObjectProvider<TwilioSimulator> simulator, @Value("${tracker.adoption:}") String adoption) {
        TwilioAccountCredentials credentials = credentials(properties, simulator.getIfAvailable());
        OrganizationId org = organizations.ensure("default", credentials);
        organizations.defaultSender(org, defaultSender(properties, simulator.getIfAvailable() != null));
        if (!adoption.isBlank()) {
            // Set only when configured, so a choice made through the API survives a restart.
            organizations.adoption(org, AdoptionPolicy.lookup(adoption.trim()).orElseThrow(() ->
                    new InvalidSetting("tracker.adoption (TRACKER_ADOPTION)",
                            "must be adopt, keep_unmatched or refuse, was '" + adoption + "'", null)));
        }
        LOG.info("Organization 'default' (id {}) sends through Twilio account {}", org, credentials.sid());
        return new DefaultOrganization(org);
    }

    /** The first API key of the organization 'default', from configuration or shown once. */
    @Bean
    ApplicationRunner defaultApiKey(TrackerProperties properties, DefaultOrganization organization,
            ManageApiKeys apiKeys) {
        return args -> apiKey(properties, apiKeys, organization.id());
    }

    private static void apiKey(TrackerProperties properties, ManageApiKeys apiKeys, OrganizationId org) {
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            try {
                apiKeys.register(org, "configured", properties.apiKey(), EnumSet.allOf(ApiScope.class));
            } catch (IllegalArgumentException invalid) {
                throw new InvalidSetting("tracker.api-key (TRACKER_API_KEY)", invalid.getMessage(), invalid);
            }
        } else if (!apiKeys.hasKeys(org)) {
            // The one credential a first run has: it reaches above organizations, so it can create the others.
            ManageApiKeys.IssuedApiKey issued = AdminOutcomes.done(apiKeys.issue(new Actor.Configuration("first start"),
                    new ManageApiKeys.IssueApiKey(org, "first key", EnumSet.allOf(ApiScope.class), Optional.empty())));
            // Shown once: only its hash is stored. Losing it means issuing another.
            LOG.warn("""

                    ************************************************************************
                      API key of organization 'default' (shown once, only its hash is kept):
                      {}
                      Use it as:  Authorization: Bearer <key>
                    ************************************************************************""", issued.secret());
        }
    }

    static Sender defaultSender(TrackerProperties properties, boolean simulated) {
        TrackerProperties.Twilio twilio = properties.twilio();
        try {
            if (twilio.defaultMessagingServiceSid() != null && !twilio.defaultMessagingServiceSid().isBlank()) {
                return new Sender.Service(MessagingServiceSid.of(twilio.defaultMessagingServiceSid()));
            }
            if (twilio.defaultFrom() != null && !twilio.defaultFrom().isBlank()) {
                return new Sender.Number(Address.sms(twilio.defaultFrom()));
            }
        } catch (IllegalArgumentException invalid) {
            throw new InvalidSetting("tracker.twilio.default-from / default-messaging-service-sid "
                    + "(TWILIO_DEFAULT_FROM / TWILIO_MESSAGING_SERVICE_SID)", invalid.getMessage(), invalid);
        }
        return simulated ? new Sender.Number(Address.sms(SIMULATOR_SENDER)) : Sender.organizationDefault();
    }

    static TwilioAccountCredentials credentials(TrackerProperties properties, TwilioSimulator simulator) {
        TrackerProperties.Twilio twilio = properties.twilio();
        if (!twilio.hasCredentials()) {
            return new TwilioAccountCredentials(AccountSid.of(simulator.accountSid()), simulator.authToken(), "");
        }
        AccountSid sid;
        sid = InvalidSetting.building("tracker.twilio.account-sid (TWILIO_ACCOUNT_SID)",
                () -> AccountSid.of(twilio.accountSid()));
        if (twilio.authToken() == null || twilio.authToken().isBlank()) {
            throw new InvalidSetting("tracker.twilio.auth-token (TWILIO_AUTH_TOKEN)",
                    "is required when tracker.twilio.account-sid is set", null);
        }
        return new TwilioAccountCredentials(sid, twilio.authToken(), twilio.previousAuthToken());
    }
}
