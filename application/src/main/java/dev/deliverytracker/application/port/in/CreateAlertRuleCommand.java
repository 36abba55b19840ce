package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;

/** A new alert rule; each part has validated itself already. */
public record CreateAlertRuleCommand(OrganizationId organization, AlertCondition condition, WebhookUrl webhook,
        NotificationFormat format) {

    public CreateAlertRuleCommand {
        if (organization == null || condition == null || webhook == null || format == null) {
            throw new IllegalArgumentException("an alert rule needs an organization, a condition, a webhook URL and a format");
        }
    }
}
