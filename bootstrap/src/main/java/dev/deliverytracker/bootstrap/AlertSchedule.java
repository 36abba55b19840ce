package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.EvaluateAlerts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates alert rules on a schedule. With several instances the lock lets one of them run a round
 * at a time, so an incident is opened and notified once.
 */
@Component
@ConditionalOnProperty(name = "tracker.alerts.enabled", havingValue = "true", matchIfMissing = true)
class AlertSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);

    private final EvaluateAlerts evaluateAlerts;

    AlertSchedule(EvaluateAlerts evaluateAlerts) {
        this.evaluateAlerts = evaluateAlerts;
    }

    @Scheduled(fixedDelayString = "${tracker.alerts.interval:30s}", initialDelayString = "${tracker.alerts.interval:30s}")
    @SchedulerLock(name = "alerts", lockAtMostFor = "10m")
    void evaluate() {
        try {
            EvaluateAlerts.Evaluation round = evaluateAlerts.evaluateAll();
            if (round.started() + round.recovered() + round.notificationsFailed() + round.rulesFailed() > 0) {
                LOG.info("alert round rules={} started={} recovered={} notificationsFailed={} rulesFailed={}",
                        round.rules(), round.started(), round.recovered(), round.notificationsFailed(),
                        round.rulesFailed());
            }
        } catch (RuntimeException failure) {
            // The next round tries again.
            LOG.error("alert round failed: {}", failure.toString());
        }
    }
}
