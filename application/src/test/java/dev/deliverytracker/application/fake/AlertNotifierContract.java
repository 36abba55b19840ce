package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every alert notifier promises ({@link AlertNotifier}): one notice to the rule's webhook per call,
 * answered as an outcome and never thrown. Run against {@link RecordingAlertNotifier} and against the
 * webhook notifier posting to a real HTTP server on loopback.
 */
public abstract class AlertNotifierContract {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    protected abstract AlertNotifier notifier();

    /** A webhook that answers {@code status} to every post. */
    protected abstract WebhookUrl answering(int status);

    /** A webhook where nobody answers: nothing listens at its port. */
    protected abstract WebhookUrl unreachable();

    /** How many notices reached {@code webhook}. */
    protected abstract int received(WebhookUrl webhook);

    @Test
    void a_notice_accepted_by_the_webhook_is_sent_with_its_status_and_reaches_it_once() {
        WebhookUrl webhook = answering(200);

        for (NotificationFormat format : NotificationFormat.values()) {
            for (AlertNotification.State state : AlertNotification.State.values()) {
                assertThat(notifier().notify(notice(webhook, format, state))).isEqualTo(new NotificationOutcome.Sent(200));
            }
        }

        assertThat(received(webhook)).isEqualTo(NotificationFormat.values().length * 2);
    }

    @Test
    void any_2xx_answer_is_sent() {
        assertThat(notifier().notify(notice(answering(204), NotificationFormat.JSON, AlertNotification.State.FIRING)))
                .isEqualTo(new NotificationOutcome.Sent(204));
    }

    @Test
    void an_error_answer_is_a_failure_naming_the_status_not_an_exception() {
        WebhookUrl webhook = answering(500);

        NotificationOutcome outcome = notifier().notify(notice(webhook, NotificationFormat.SLACK,
                AlertNotification.State.FIRING));

        assertThat(outcome).isInstanceOfSatisfying(NotificationOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("500"));
        assertThat(received(webhook)).isEqualTo(1);
    }

    @Test
    void a_webhook_nobody_answers_is_a_failure_not_an_exception() {
        NotificationOutcome outcome = notifier().notify(notice(unreachable(), NotificationFormat.JSON,
                AlertNotification.State.RESOLVED));

        assertThat(outcome).isInstanceOf(NotificationOutcome.Failed.class);
    }

    @Test
    void a_failure_never_names_the_webhooks_secret_path() {
        WebhookUrl webhook = answering(403);

        NotificationOutcome outcome = notifier().notify(notice(webhook, NotificationFormat.SLACK,
                AlertNotification.State.FIRING));

        assertThat(outcome).isInstanceOfSatisfying(NotificationOutcome.Failed.class,
                failed -> assertThat(failed.reason()).doesNotContain(webhook.value().getPath()));
    }

    protected static AlertNotification notice(WebhookUrl webhook, NotificationFormat format,
            AlertNotification.State state) {
        AlertRule rule = AlertRule.restore(AlertRuleId.of(3), OrganizationId.of(7),
                new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.10, 50), webhook, format, true);
        return new AlertNotification(rule, state, "failure rate 23% (46 of 200) in the last 15 min, above 10%",
                STARTED, state == AlertNotification.State.FIRING ? STARTED : STARTED.plusSeconds(600));
    }
}
