package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.persistence.TokenCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Twilio auth tokens are kept in the database: encrypted with {@code tracker.secrets.key}
 * (TRACKER_SECRETS_KEY, 32 bytes in base64) when it is set. Tokens are written again at every start,
 * so setting the key encrypts the configured account's tokens from the next start on.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    TokenCipher tokenCipher(@Value("${tracker.secrets.key:}") String key) {
        if (key == null || key.isBlank()) {
            LOG.warn("Twilio auth tokens are stored unencrypted: set tracker.secrets.key (TRACKER_SECRETS_KEY) to a "
                    + "32-byte key in base64, e.g. from `openssl rand -base64 32`");
            return TokenCipher.none();
        }
        try {
            return TokenCipher.withKey(key);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("tracker.secrets.key (TRACKER_SECRETS_KEY): " + invalid.getMessage(),
                    invalid);
        }
    }
}
