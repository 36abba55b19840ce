package dev.deliverytracker.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void the_allowed_failures_pass_and_the_next_attempt_waits_out_the_lockout() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("ada", "10.0.0.1");
            assertThat(throttle.refusedFor("ada", "10.0.0.1")).isEmpty();
        }
        throttle.failed("ada", "10.0.0.1");

        assertThat(throttle.refusedFor("ada", "10.0.0.1")).hasValue(Duration.ofMinutes(15));
        later(Duration.ofMinutes(14));
        assertThat(throttle.refusedFor("ADA ", "10.0.0.1")).hasValue(Duration.ofMinutes(1));
        later(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("ada", "10.0.0.1")).isEmpty();
    }

    @Test
    void another_address_or_another_name_is_not_locked_out() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ada", "10.0.0.1");
        }

        assertThat(throttle.refusedFor("ada", "10.0.0.2")).isEmpty();
        assertThat(throttle.refusedFor("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_success_forgets_the_failures_and_old_failures_expire() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        throttle.succeeded("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        assertThat(throttle.refusedFor("ada", "10.0.0.1")).isEmpty();

        later(Duration.ofMinutes(16));
        throttle.failed("ada", "10.0.0.1");
        assertThat(throttle.refusedFor("ada", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_spray_of_usernames_is_bounded_in_memory() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED + 50; i++) {
            later(Duration.ofMillis(1));
            throttle.failed("user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 3; i++) {
            throttle.failed("last", "10.0.0.1");
        }

        assertThat(throttle.refusedFor("last", "10.0.0.1")).isPresent();
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new SignInThrottle(0, Duration.ofMinutes(1), clock))
                .hasMessageContaining("at least 1 allowed failure");
        assertThatThrownBy(() -> new SignInThrottle(3, Duration.ZERO, clock)).hasMessageContaining("lockout must be positive");
    }

    private void later(Duration duration) {
        clock.advance(duration);
    }
}
