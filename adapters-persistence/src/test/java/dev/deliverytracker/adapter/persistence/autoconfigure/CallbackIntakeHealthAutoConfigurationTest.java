package dev.deliverytracker.adapter.persistence.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.DeliveryLogAvailability;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CallbackIntakeHealthAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CallbackIntakeHealthAutoConfiguration.class));

    @Test
    void the_intake_is_up_while_the_delivery_log_is_reachable() {
        context.withBean(DeliveryLogAvailability.class, () -> Optional::empty).run(app -> assertThat(
                app.getBean("callbackIntake", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void the_intake_is_down_while_the_database_is_known_unreachable() {
        Instant since = Instant.parse("2026-12-03T10:00:00Z");
        context.withBean(DeliveryLogAvailability.class, () -> () -> Optional.of(since)).run(app -> {
            var health = app.getBean("callbackIntake", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("unreachableSince", since.toString());
        });
    }
}
