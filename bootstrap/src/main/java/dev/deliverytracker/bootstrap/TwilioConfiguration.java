package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${tracker.twilio.account-sid:}'.isBlank()")
    TwilioSimulator embeddedTwilioSimulator() {
        TwilioSimulator simulator = TwilioSimulator.start(SimulatorSettings.defaults());
        LOG.warn("""

                ************************************************************************
                  No Twilio credentials configured (tracker.twilio.account-sid):
                  using the embedded Twilio SIMULATOR at {}.
                  Nothing leaves this machine; no real message is sent.
                ************************************************************************""", simulator.baseUrl());
        return simulator;
    }

    /** The organization that sends through the configured account (or the simulator's). */
    @Bean
    ApplicationRunner defaultOrganization(TrackerProperties properties, Organizations organizations,
            ObjectProvider<TwilioSimulator> simulator) {
        return args -> {
            TwilioAccountCredentials credentials = credentials(properties, simulator.getIfAvailable());
            organizations.ensure("default", credentials);
            LOG.info("Organization 'default' sends through Twilio account {}", credentials.sid());
        };
    }

    static TwilioAccountCredentials credentials(TrackerProperties properties, TwilioSimulator simulator) {
        TrackerProperties.Twilio twilio = properties.twilio();
        if (!twilio.hasCredentials()) {
            return new TwilioAccountCredentials(AccountSid.of(simulator.accountSid()), simulator.authToken(), "");
        }
        AccountSid sid;
        try {
            sid = AccountSid.of(twilio.accountSid());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("tracker.twilio.account-sid (TWILIO_ACCOUNT_SID): " + invalid.getMessage());
        }
        if (twilio.authToken() == null || twilio.authToken().isBlank()) {
            throw new IllegalStateException("tracker.twilio.auth-token (TWILIO_AUTH_TOKEN) is required when "
                    + "tracker.twilio.account-sid is set");
        }
        return new TwilioAccountCredentials(sid, twilio.authToken(), twilio.previousAuthToken());
    }
}
