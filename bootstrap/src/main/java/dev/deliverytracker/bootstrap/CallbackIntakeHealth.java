package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.persistence.DeliveryLogAvailability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code callbackIntake} in {@code /actuator/health}: down while the database is known to be
 * unreachable and the webhook answers every callback 503 at once, without asking the database.
 */
@Component("callbackIntake")
class CallbackIntakeHealth implements HealthIndicator {

    private final DeliveryLogAvailability availability;

    CallbackIntakeHealth(DeliveryLogAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        return availability.unreachableSince()
                .map(since -> Health.down().withDetail("unreachableSince", since.toString())
                        .withDetail("callbacks", "answered 503 at once so that Twilio retries; the reconciler polls "
                                + "what Twilio gives up on")
                        .build())
                .orElseGet(() -> Health.up().withDetail("callbacks", "taken").build());
    }
}
