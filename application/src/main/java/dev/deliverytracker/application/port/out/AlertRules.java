package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Instant;
import java.util.List;

/** Where alert rules are kept. */
public interface AlertRules {

    /** Stores a new, enabled rule. */
    AlertRule add(OrganizationId organization, AlertCondition condition, WebhookUrl webhook, NotificationFormat format);

    /** The organization's rules, oldest first. */
    List<AlertRule> of(OrganizationId organization);

    /** Every enabled rule of every organization. */
    List<AlertRule> enabled();

    /**
     * Removes a rule of this organization and, in the same transaction, closes its open incident
     * (without a recovery notice) at {@code now}; false if the organization has no such rule.
     */
    boolean remove(OrganizationId organization, AlertRuleId rule, Instant now);
}
