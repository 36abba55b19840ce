package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Alert rules in memory; deleting one closes its open incident in the history it was given. */
public final class InMemoryAlertRules implements AlertRules {

    private final Map<Long, AlertRule> rules = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final InMemoryAlertHistory history;

    public InMemoryAlertRules(InMemoryAlertHistory history) {
        this.history = history;
    }

    @Override
    public AlertRule add(OrganizationId organization, AlertCondition condition, WebhookUrl webhook,
            NotificationFormat format) {
        AlertRule rule = AlertRule.restore(AlertRuleId.of(ids.incrementAndGet()), organization, condition, webhook,
                format, true);
        rules.put(rule.id().value(), rule);
        return rule;
    }

    @Override
    public List<AlertRule> of(OrganizationId organization) {
        return rules.values().stream().filter(rule -> rule.organization().equals(organization)).toList();
    }

    @Override
    public List<AlertRule> enabled() {
        return new ArrayList<>(rules.values().stream().filter(AlertRule::enabled).toList());
    }

    @Override
    public synchronized boolean remove(OrganizationId organization, AlertRuleId rule, Instant now) {
        AlertRule existing = rules.get(rule.value());
        if (existing == null || !existing.organization().equals(organization)) {
            return false;
        }
        rules.remove(rule.value());
        history.closeSilently(rule, now);
        return true;
    }
}
