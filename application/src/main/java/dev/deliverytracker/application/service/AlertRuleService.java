package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.CreateAlertRuleCommand;
import dev.deliverytracker.application.port.in.FindAlertHistory;
import dev.deliverytracker.application.port.in.ManageAlertRules;
import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.util.List;

/** Managing an organization's alert rules and reading its incidents; every call stays in that organization. */
public final class AlertRuleService implements ManageAlertRules, FindAlertHistory {

    /** Enough for any sane team; a runaway script should not make every evaluation round slow. */
    public static final int MAX_RULES_PER_ORGANIZATION = 100;

    private final AlertRules rules;
    private final AlertHistory history;
    private final Clock clock;

    public AlertRuleService(AlertRules rules, AlertHistory history, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public AlertRule create(Actor actor, CreateAlertRuleCommand command) {
        AccessPolicy.require(actor, command.organization(), AccessPolicy.Need.MANAGE, "organization");
        if (rules.of(command.organization()).size() >= MAX_RULES_PER_ORGANIZATION) {
            throw new IllegalArgumentException("an organization has at most " + MAX_RULES_PER_ORGANIZATION
                    + " alert rules; delete one first");
        }
        return rules.add(command.organization(), command.condition(), command.webhook(), command.format());
    }

    @Override
    public List<AlertRule> list(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return rules.of(organization);
    }

    @Override
    public boolean delete(Actor actor, OrganizationId organization, AlertRuleId rule) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "alert rule");
        return rules.remove(organization, rule, clock.instant());
    }

    @Override
    public List<AlertIncident> recent(Actor actor, OrganizationId organization, int limit) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return history.recent(organization, limit);
    }
}
