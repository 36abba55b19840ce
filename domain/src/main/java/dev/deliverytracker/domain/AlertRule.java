package dev.deliverytracker.domain;

/** A condition an organization wants to hear about, and where to post when it starts and stops. */
public record AlertRule(AlertRuleId id, OrganizationId organization, AlertCondition condition, WebhookUrl webhook,
        NotificationFormat format, boolean enabled) {

    public AlertRule {
        if (id == null || organization == null || condition == null || webhook == null || format == null) {
            throw new IllegalArgumentException("an alert rule needs an id, organization, condition, webhook and format");
        }
    }

    /** A rule read back from the store. */
    public static AlertRule restore(AlertRuleId id, OrganizationId organization, AlertCondition condition,
            WebhookUrl webhook, NotificationFormat format, boolean enabled) {
        return new AlertRule(id, organization, condition, webhook, format, enabled);
    }
}
