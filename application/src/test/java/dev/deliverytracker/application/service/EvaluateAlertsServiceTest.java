package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryAlertHistory;
import dev.deliverytracker.application.fake.InMemoryAlertRules;
import dev.deliverytracker.application.fake.RecordingAlertNotifier;
import dev.deliverytracker.application.fake.SettableDeliveryObservations;
import dev.deliverytracker.application.port.in.EvaluateAlerts.Evaluation;
import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EvaluateAlertsServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(10);
    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER = OrganizationId.of(2);
    private static final WebhookUrl HOOK = WebhookUrl.parse("https://hooks.example.com/alerts");

    private final InMemoryAlertHistory history = new InMemoryAlertHistory();
    private final InMemoryAlertRules rules = new InMemoryAlertRules(history);
    private final SettableDeliveryObservations observations = new SettableDeliveryObservations();
    private final RecordingAlertNotifier notifier = new RecordingAlertNotifier();
    private Instant now = T0;
    private final EvaluateAlertsService alerts = new EvaluateAlertsService(rules, history, observations, notifier,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }, COOLDOWN);

    private final AlertRule failureRate = rules.add(ORG,
            new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.10, 50), HOOK, NotificationFormat.SLACK);

    @Test
    void a_failure_spike_sends_one_alert_and_its_recovery_sends_one_recovery() {
        observations.failures(ORG, 46, 200);
        Evaluation first = alerts.evaluateAll();
        later(Duration.ofSeconds(30));
        alerts.evaluateAll();
        later(Duration.ofSeconds(30));
        alerts.evaluateAll();

        assertThat(first.started()).isEqualTo(1);
        assertThat(notifier.notifications()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertNotification.State.FIRING);
            assertThat(alert.message()).isEqualTo("failure rate 23% (46 of 200) in the last 15 min, above 10%");
            assertThat(alert.startedAt()).isEqualTo(T0);
            assertThat(alert.rule()).isEqualTo(failureRate);
        });

        observations.failures(ORG, 46, 500);
        later(Duration.ofSeconds(30));
        Evaluation recovery = alerts.evaluateAll();
        later(Duration.ofSeconds(30));
        alerts.evaluateAll();

        assertThat(recovery.recovered()).isEqualTo(1);
        assertThat(notifier.notifications()).hasSize(2);
        AlertNotification resolved = notifier.notifications().get(1);
        assertThat(resolved.state()).isEqualTo(AlertNotification.State.RESOLVED);
        assertThat(resolved.startedAt()).isEqualTo(T0);
        assertThat(resolved.at()).isEqualTo(T0.plusSeconds(90));
        assertThat(resolved.message()).contains("9.2% (46 of 500)").contains("at or below 10%");
    }

    @Test
    void the_history_shows_the_incident_and_what_became_of_its_notices() {
        observations.failures(ORG, 46, 200);
        alerts.evaluateAll();
        notifier.receiverDown("HTTP 503 from https://hooks.example.com/…");
        observations.failures(ORG, 0, 200);
        later(Duration.ofMinutes(1));
        alerts.evaluateAll();

        AlertIncident incident = history.recent(ORG, 10).get(0);
        assertThat(incident.firing()).isFalse();
        assertThat(incident.alertNotice()).isEqualTo(new NotificationOutcome.Sent(200));
        assertThat(incident.recoveryNotice())
                .contains(new NotificationOutcome.Failed("HTTP 503 from https://hooks.example.com/…"));
    }

    @Test
    void a_failed_notification_is_counted_and_does_not_repeat_the_alert() {
        notifier.receiverDown("connect timed out");
        observations.failures(ORG, 46, 200);

        Evaluation first = alerts.evaluateAll();
        later(Duration.ofSeconds(30));
        Evaluation second = alerts.evaluateAll();

        assertThat(first.notificationsFailed()).isEqualTo(1);
        assertThat(second.started()).isZero();
        assertThat(notifier.notifications()).hasSize(1);
    }

    @Test
    void after_a_recovery_a_new_spike_waits_for_the_cooldown() {
        observations.failures(ORG, 46, 200);
        alerts.evaluateAll();
        observations.failures(ORG, 0, 200);
        later(Duration.ofMinutes(1));
        alerts.evaluateAll();
        observations.failures(ORG, 46, 200);
        later(Duration.ofMinutes(1));
        alerts.evaluateAll();

        assertThat(notifier.notifications()).hasSize(2);

        later(COOLDOWN);
        alerts.evaluateAll();

        assertThat(notifier.notifications()).hasSize(3);
        assertThat(notifier.notifications().get(2).state()).isEqualTo(AlertNotification.State.FIRING);
    }

    @Test
    void each_kind_reads_its_own_observation() {
        rules.add(OTHER, new AlertCondition.ErrorBurst(30007, Duration.ofMinutes(5), 10), HOOK, NotificationFormat.JSON);
        rules.add(OTHER, new AlertCondition.SlowDelivery(Duration.ofSeconds(30), Duration.ofHours(1), 20), HOOK,
                NotificationFormat.JSON);
        rules.add(OTHER, new AlertCondition.CallbacksStopped(Duration.ofMinutes(10), 5), HOOK, NotificationFormat.JSON);
        observations.errors(OTHER, 30007, 12);
        observations.latency(OTHER, new DeliveryObservation.Latency(40, Duration.ofMinutes(2)));
        observations.callbackFlow(OTHER, 20, 0);

        Evaluation evaluation = alerts.evaluateAll();

        assertThat(evaluation.rules()).isEqualTo(4);
        assertThat(evaluation.started()).isEqualTo(3);
        assertThat(notifier.notifications()).extracting(n -> n.rule().condition().kind())
                .containsExactlyInAnyOrder("error_burst", "slow_delivery", "callbacks_stopped");
    }

    @Test
    void refused_callbacks_without_valid_ones_raise_the_refusal_alert_and_valid_traffic_clears_it() {
        AlertRule refusals = rules.add(OTHER, new AlertCondition.CallbacksRefused(Duration.ofMinutes(15), 3), HOOK,
                NotificationFormat.JSON);
        observations.callbackRefusals(OTHER, 0, 12);

        alerts.evaluateAll();

        assertThat(notifier.notifications()).singleElement().satisfies(notification -> {
            assertThat(notification.rule()).isEqualTo(refusals);
            assertThat(notification.state()).isEqualTo(AlertNotification.State.FIRING);
            assertThat(notification.message()).startsWith("callbacks are being refused: check the public base URL, "
                    + "proxy headers, or a rotated auth token").contains("12 status callbacks refused and 0 recorded");
        });

        later(Duration.ofMinutes(1));
        observations.callbackRefusals(OTHER, 40, 12);
        alerts.evaluateAll();

        assertThat(notifier.notifications()).hasSize(2);
        assertThat(notifier.notifications().get(1).state()).isEqualTo(AlertNotification.State.RESOLVED);
    }

    @Test
    void a_rule_the_store_cannot_judge_does_not_stop_the_others() {
        rules.add(OTHER, new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.10, 50), HOOK, NotificationFormat.JSON);
        observations.breakFor(ORG, new IllegalStateException("database unavailable"));
        observations.failures(OTHER, 100, 100);

        Evaluation evaluation = alerts.evaluateAll();

        assertThat(evaluation.rulesFailed()).isEqualTo(1);
        assertThat(evaluation.started()).isEqualTo(1);
        assertThat(notifier.notifications()).singleElement()
                .satisfies(n -> assertThat(n.rule().organization()).isEqualTo(OTHER));
    }

    @Test
    void a_deleted_rule_is_no_longer_judged() {
        observations.failures(ORG, 46, 200);
        rules.remove(ORG, failureRate.id(), T0);

        assertThat(alerts.evaluateAll().rules()).isZero();
        assertThat(notifier.notifications()).isEmpty();
    }

    private void later(Duration duration) {
        now = now.plus(duration);
    }
}
