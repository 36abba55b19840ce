package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationBackoffTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    final NotificationBackoff backoff = new NotificationBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofHours(1));

    @Test
    void the_delay_doubles_up_to_the_longest_with_jitter_over_its_upper_half() {
        assertThat(backoff.nextAttempt(1, T0, T0, 0.0)).contains(T0.plusSeconds(5));
        assertThat(backoff.nextAttempt(1, T0, T0, 0.999)).hasValueSatisfying(at ->
                assertThat(at).isBetween(T0.plusSeconds(9), T0.plusSeconds(10)));
        assertThat(backoff.nextAttempt(3, T0, T0, 0.0)).contains(T0.plusSeconds(20));
        assertThat(backoff.nextAttempt(30, T0, T0, 0.0)).contains(T0.plusSeconds(150));
        assertThat(backoff.nextAttempt(1000, T0, T0, 0.0)).as("no overflow").contains(T0.plusSeconds(150));
    }

    @Test
    void nothing_is_tried_after_the_horizon() {
        Instant late = T0.plus(Duration.ofMinutes(59));
        assertThat(backoff.nextAttempt(20, T0, late, 0.5)).as("the last try lands on the horizon")
                .contains(T0.plus(Duration.ofHours(1)));
        assertThat(backoff.nextAttempt(21, T0, T0.plus(Duration.ofHours(1)), 0.5)).isEmpty();
        assertThat(NotificationBackoff.defaults().horizon()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void bad_settings_and_jitter_are_refused() {
        assertThatThrownBy(() -> new NotificationBackoff(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1)))
                .hasMessageContaining("first retry delay");
        assertThatThrownBy(() -> backoff.nextAttempt(1, T0, T0, 1.0)).hasMessageContaining("jitter");
    }

    @Test
    void a_webhook_secret_is_whsec_and_base64_of_enough_bytes() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThat(secret.value()).startsWith("whsec_");
        assertThat(secret.key()).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThatThrownBy(() -> new WebhookSecret("whsec_c2hvcnQ=")).hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> new WebhookSecret("secret")).hasMessageContaining("whsec_");
    }

    @Test
    void scopes_cover_what_they_say() {
        assertThat(NotificationScope.FINAL_ONLY.covers(DeliveryStatus.DELIVERED, Channel.SMS)).isTrue();
        assertThat(NotificationScope.FINAL_ONLY.covers(DeliveryStatus.DELIVERED, Channel.WHATSAPP)).isFalse();
        assertThat(NotificationScope.FAILURES_ONLY.covers(DeliveryStatus.UNDELIVERED, Channel.SMS)).isTrue();
        assertThat(NotificationScope.FAILURES_ONLY.covers(DeliveryStatus.READ, Channel.WHATSAPP)).isFalse();
        assertThat(NotificationScope.parse("final_only")).isEqualTo(NotificationScope.FINAL_ONLY);
    }
}
