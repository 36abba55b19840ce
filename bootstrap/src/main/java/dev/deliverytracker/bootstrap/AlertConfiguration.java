package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.EvaluateAlerts;
import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.application.service.AlertRuleService;
import dev.deliverytracker.application.service.EvaluateAlertsService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alert use cases and the webhook notifier as beans. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    AlertRuleService alertRuleService(AlertRules rules, AlertHistory history, Clock clock) {
        return new AlertRuleService(rules, history, clock);
    }

    @Bean
    EvaluateAlerts evaluateAlerts(AlertRules rules, AlertHistory history, DeliveryObservations observations,
            AlertNotifier notifier, Clock clock, AlertProperties properties) {
        return new EvaluateAlertsService(rules, history, observations, notifier, clock, properties.cooldown());
    }
}
