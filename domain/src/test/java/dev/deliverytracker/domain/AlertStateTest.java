package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One incident: one alert when it starts, one recovery when it clears, nothing in between. */
class AlertStateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(10);
    private static final AlertVerdict BAD = new AlertVerdict.Firing("failure rate 40% (4 of 10) in the last 15 min, above 10%");
    private static final AlertVerdict GOOD = new AlertVerdict.Clear("failure rate 0% (0 of 10) in the last 15 min, at or below 10%");

    @Test
    void a_firing_verdict_on_a_quiet_rule_starts_an_incident() {
        AlertTransition transition = AlertState.neverFired().next(BAD, T0, COOLDOWN);

        assertThat(transition).isEqualTo(new AlertTransition.Started(T0, BAD.message()));
    }

    @Test
    void while_firing_further_firing_verdicts_notify_nobody() {
        AlertState firing = new AlertState.Firing(T0, BAD.message());

        assertThat(firing.next(BAD, T0.plusSeconds(30), COOLDOWN)).isInstanceOf(AlertTransition.Unchanged.class);
        assertThat(firing.next(BAD, T0.plus(Duration.ofHours(5)), COOLDOWN)).isInstanceOf(AlertTransition.Unchanged.class);
    }

    @Test
    void a_clear_verdict_while_firing_recovers_the_incident() {
        AlertState firing = new AlertState.Firing(T0, BAD.message());

        AlertTransition transition = firing.next(GOOD, T0.plusSeconds(600), COOLDOWN);

        assertThat(transition).isEqualTo(new AlertTransition.Recovered(T0, T0.plusSeconds(600), GOOD.message()));
    }

    @Test
    void clear_on_a_quiet_rule_changes_nothing() {
        assertThat(AlertState.neverFired().next(GOOD, T0, COOLDOWN)).isInstanceOf(AlertTransition.Unchanged.class);
    }

    @Test
    void after_a_recovery_the_rule_waits_out_the_cooldown_before_firing_again() {
        AlertState recovered = new AlertState.Quiet(T0);

        AlertTransition tooSoon = recovered.next(BAD, T0.plus(COOLDOWN).minusSeconds(1), COOLDOWN);
        AlertTransition afterCooldown = recovered.next(BAD, T0.plus(COOLDOWN), COOLDOWN);

        assertThat(tooSoon).isInstanceOf(AlertTransition.Unchanged.class);
        assertThat(((AlertTransition.Unchanged) tooSoon).reason()).contains("cooldown");
        assertThat(afterCooldown).isEqualTo(new AlertTransition.Started(T0.plus(COOLDOWN), BAD.message()));
    }

    @Test
    void a_flapping_rate_is_one_incident_per_cooldown_not_one_alert_per_evaluation() {
        AlertState state = AlertState.neverFired();
        int alerts = 0;
        int recoveries = 0;
        Instant now = T0;
        // Bad and good alternate every 30 s for 9 minutes: shorter than the cooldown.
        for (int round = 0; round < 18; round++) {
            AlertTransition transition = state.next(round % 2 == 0 ? BAD : GOOD, now, COOLDOWN);
            if (transition instanceof AlertTransition.Started started) {
                alerts++;
                state = new AlertState.Firing(started.startedAt(), started.message());
            } else if (transition instanceof AlertTransition.Recovered recovered) {
                recoveries++;
                state = new AlertState.Quiet(recovered.resolvedAt());
            }
            now = now.plusSeconds(30);
        }

        assertThat(alerts).isEqualTo(1);
        assertThat(recoveries).isEqualTo(1);
    }
}
