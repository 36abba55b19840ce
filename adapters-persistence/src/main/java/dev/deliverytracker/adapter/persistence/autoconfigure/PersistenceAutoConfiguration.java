package dev.deliverytracker.adapter.persistence.autoconfigure;

import dev.deliverytracker.adapter.persistence.PersistenceAdapterConfiguration;
import dev.deliverytracker.adapter.persistence.TokenCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The PostgreSQL adapter joins any Spring Boot application that has it on its class path: every store
 * port, the repositories and entities, Flyway's migrations ({@link PersistenceSettingsAutoConfiguration}
 * gives the adapter's settings). After the data source, before Boot's own
 * JPA configuration, so the entities and repositories are this adapter's. Not switched by a property:
 * the stores are the service's only ones, and the migrations belong with them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@Import(PersistenceAdapterConfiguration.class)
public class PersistenceAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceAutoConfiguration.class);

    /**
     * How Twilio auth tokens are kept: encrypted with {@code tracker.secrets.key} (TRACKER_SECRETS_KEY, 32
     * bytes in base64) when it is set. Tokens are written again at every start, so setting the key
     * encrypts the configured account's tokens from the next start on.
     */
    @Bean
    @ConditionalOnMissingBean
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
