package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.EvaluateAlerts;
import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertTransition;
import dev.deliverytracker.domain.AlertVerdict;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One round over every enabled rule: observe, judge, and let the incident's state decide whether
 * anyone hears about it. The transition is stored before the notice goes out, so a crash between the
 * two loses a notice (shown as pending in the history) rather than sending it twice.
 */
public final class EvaluateAlertsService implements EvaluateAlerts {

    private static final System.Logger LOG = System.getLogger(EvaluateAlertsService.class.getName());

    private final AlertRules rules;
    private final AlertHistory history;
    private final DeliveryObservations observations;
    private final AlertNotifier notifier;
    private final Clock clock;
    private final Duration cooldown;

    public EvaluateAlertsService(AlertRules rules, AlertHistory history, DeliveryObservations observations,
            AlertNotifier notifier, Clock clock, Duration cooldown) {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or positive, was " + cooldown);
        }
        this.rules = rules;
        this.history = history;
        this.observations = observations;
        this.notifier = notifier;
        this.clock = clock;
        this.cooldown = cooldown;
    }

    @Override
    public Evaluation evaluateAll() {
        int judged = 0;
        int started = 0;
        int recovered = 0;
        int notificationsFailed = 0;
        int rulesFailed = 0;
        for (AlertRule rule : rules.enabled()) {
            AlertTransition transition;
            try {
                transition = evaluate(rule);
                judged++;
            } catch (RuntimeException failure) {
                // One rule the store cannot answer for must not silence every other rule.
                rulesFailed++;
                LOG.log(System.Logger.Level.WARNING, () -> "alert rule not evaluated rule=" + rule.id() + " org="
                        + rule.organization() + " reason=" + failure);
                continue;
            }
            if (transition instanceof AlertTransition.Started start) {
                started++;
                long incident = history.started(rule, start.startedAt(), start.message());
                NotificationOutcome outcome = send(new AlertNotification(rule, AlertNotification.State.FIRING,
                        start.message(), start.startedAt(), start.startedAt()), incident);
                history.alertNotified(incident, outcome);
                notificationsFailed += outcome instanceof NotificationOutcome.Failed ? 1 : 0;
            } else if (transition instanceof AlertTransition.Recovered recovery) {
                recovered++;
                long incident = history.recovered(rule.id(), recovery.resolvedAt(), recovery.message());
                NotificationOutcome outcome = send(new AlertNotification(rule, AlertNotification.State.RESOLVED,
                        recovery.message(), recovery.startedAt(), recovery.resolvedAt()), incident);
                history.recoveryNotified(incident, outcome);
                notificationsFailed += outcome instanceof NotificationOutcome.Failed ? 1 : 0;
            }
        }
        return new Evaluation(judged, started, recovered, notificationsFailed, rulesFailed);
    }

    private AlertTransition evaluate(AlertRule rule) {
        Instant now = clock.instant();
        AlertVerdict verdict = judge(rule.organization(), rule.condition(), now.minus(rule.condition().window()));
        return history.stateOf(rule.id()).next(verdict, now, cooldown);
    }

    private AlertVerdict judge(OrganizationId organization, AlertCondition condition, Instant since) {
        if (condition instanceof AlertCondition.FailureRate failureRate) {
            return failureRate.evaluate(observations.failures(organization, since));
        }
        if (condition instanceof AlertCondition.ErrorBurst burst) {
            return burst.evaluate(observations.errors(organization, burst.errorCode(), since));
        }
        if (condition instanceof AlertCondition.SlowDelivery slow) {
            return slow.evaluate(observations.latency(organization, since));
        }
        if (condition instanceof AlertCondition.CallbacksStopped stopped) {
            return stopped.evaluate(observations.callbackFlow(organization, since));
        }
        if (condition instanceof AlertCondition.CallbacksRefused refused) {
            return refused.evaluate(observations.callbackRefusals(organization, since));
        }
        throw new IllegalStateException("no observation for alert condition " + condition.kind());
    }

    private NotificationOutcome send(AlertNotification notification, long incident) {
        NotificationOutcome outcome;
        try {
            outcome = notifier.notify(notification);
        } catch (RuntimeException broken) {
            // The port promises not to throw; a notifier that does still must not stop the round.
            outcome = new NotificationOutcome.Failed(broken.toString());
        }
        NotificationOutcome logged = outcome;
        LOG.log(System.Logger.Level.INFO, () -> "alert " + notification.state().wireName() + " incident=" + incident + " rule="
                + notification.rule().id() + " org=" + notification.rule().organization() + " kind="
                + notification.rule().condition().kind() + " notice=" + describe(logged) + " message=\""
                + notification.message() + "\"");
        return outcome;
    }

    private static String describe(NotificationOutcome outcome) {
        if (outcome instanceof NotificationOutcome.Sent sent) {
            return "sent(" + sent.httpStatus() + ")";
        }
        if (outcome instanceof NotificationOutcome.Failed failed) {
            return "failed(" + failed.reason() + ")";
        }
        return "pending";
    }
}
