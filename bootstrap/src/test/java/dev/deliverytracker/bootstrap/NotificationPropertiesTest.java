package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {

    @Test
    void a_claim_outlives_the_senders_longest_exchange() {
        assertThat(NotificationProperties.lease(Duration.ofSeconds(15))).isGreaterThan(Duration.ofSeconds(15));
        assertThat(NotificationProperties.lease(Duration.ZERO)).isPositive();
    }

    @Test
    void a_wrong_value_names_its_setting() {
        assertThatThrownBy(() -> properties(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(1), 200))
                .hasMessageContaining("tracker.notifications.max-retry-delay");
        assertThatThrownBy(() -> properties(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(-1), 200))
                .hasMessageContaining("tracker.notifications.retry-horizon");
        assertThatThrownBy(() -> properties(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1), 0))
                .hasMessageContaining("tracker.notifications.batch-size");
        assertThatThrownBy(() -> properties(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1), 200))
                .hasMessageContaining("tracker.notifications.first-retry-delay");
        assertThatThrownBy(() -> new NotificationProperties(true, Duration.ofMillis(100), 200, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofDays(1), Duration.ZERO, 64, 256))
                .hasMessageContaining("tracker.notifications.dead-letter-max-age");
        assertThatThrownBy(() -> new NotificationProperties(true, Duration.ofMillis(100), 200, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30), 0, 256))
                .hasMessageContaining("tracker.notifications.per-callback-host");
        assertThatThrownBy(() -> new NotificationProperties(true, Duration.ofMillis(100), 200, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30), 64, 32))
                .hasMessageContaining("tracker.notifications.callbacks-per-organization")
                .hasMessageContaining("must be 64 to");
    }

    private static NotificationProperties properties(Duration firstRetry, Duration maxRetry, Duration horizon,
            int batchSize) {
        return new NotificationProperties(true, Duration.ofMillis(100), batchSize, firstRetry, maxRetry, horizon,
                Duration.ofDays(30), 64, 256);
    }
}
