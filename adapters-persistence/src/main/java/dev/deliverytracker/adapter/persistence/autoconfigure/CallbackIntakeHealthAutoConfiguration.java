package dev.deliverytracker.adapter.persistence.autoconfigure;

import dev.deliverytracker.adapter.persistence.DeliveryLogAvailability;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@code callbackIntake} in {@code /actuator/health}, in an application that has health endpoints: down
 * while the database is known to be unreachable and the webhook answers every callback 503 at once,
 * without asking the database.
 */
@AutoConfiguration(after = PersistenceAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class CallbackIntakeHealthAutoConfiguration {

    @Bean("callbackIntake")
    @ConditionalOnMissingBean(name = "callbackIntake")
    HealthIndicator callbackIntake(DeliveryLogAvailability availability) {
        return () -> availability.unreachableSince()
                .map(since -> Health.down().withDetail("unreachableSince", since.toString())
                        .withDetail("callbacks", "answered 503 at once so that Twilio retries; the reconciler polls "
                                + "what Twilio gives up on")
                        .build())
                .orElseGet(() -> Health.up().withDetail("callbacks", "taken").build());
    }
}
