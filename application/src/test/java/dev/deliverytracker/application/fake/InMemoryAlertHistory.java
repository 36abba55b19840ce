package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.AlertState;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Incidents in memory, with the same promises as the table: one open incident per rule at most. */
public final class InMemoryAlertHistory implements AlertHistory {

    /** The message a deleted rule's open incident is closed with. */
    public static final String RULE_DELETED = "rule deleted";

    private final List<AlertIncident> incidents = new ArrayList<>();

    @Override
    public synchronized AlertState stateOf(AlertRuleId rule) {
        AlertIncident latest = null;
        for (AlertIncident incident : incidents) {
            if (incident.ruleId().equals(rule) && (latest == null || incident.id() > latest.id())) {
                latest = incident;
            }
        }
        if (latest == null) {
            return AlertState.neverFired();
        }
        return latest.firing() ? new AlertState.Firing(latest.startedAt(), latest.message())
                : new AlertState.Quiet(latest.resolvedAt().orElseThrow());
    }

    @Override
    public synchronized long started(AlertRule rule, Instant startedAt, String message) {
        if (open(rule.id()) != null) {
            throw new IllegalStateException("rule " + rule.id() + " already has an open incident");
        }
        long id = incidents.size() + 1L;
        incidents.add(AlertIncident.open(id, rule.id(), rule.organization(), rule.condition().kind(), startedAt,
                message, new NotificationOutcome.Pending()));
        return id;
    }

    @Override
    public synchronized long recovered(AlertRuleId rule, Instant resolvedAt, String message) {
        return close(rule, resolvedAt, message, new NotificationOutcome.Pending());
    }

    synchronized void closeSilently(AlertRuleId rule, Instant at) {
        if (open(rule) != null) {
            close(rule, at, RULE_DELETED, new NotificationOutcome.Failed("not sent: " + RULE_DELETED));
        }
    }

    @Override
    public synchronized void alertNotified(long incident, NotificationOutcome outcome) {
        AlertIncident old = incidents.get((int) incident - 1);
        replace(old.firing()
                ? AlertIncident.open(old.id(), old.ruleId(), old.organization(), old.ruleKind(), old.startedAt(),
                        old.message(), outcome)
                : AlertIncident.resolved(old.id(), old.ruleId(), old.organization(), old.ruleKind(), old.startedAt(),
                        old.message(), outcome, old.resolvedAt().orElseThrow(), old.recoveryMessage().orElseThrow(),
                        old.recoveryNotice().orElseThrow()));
    }

    @Override
    public synchronized void recoveryNotified(long incident, NotificationOutcome outcome) {
        AlertIncident old = incidents.get((int) incident - 1);
        if (old.firing()) {
            throw new IllegalStateException("incident " + incident + " has not recovered");
        }
        replace(AlertIncident.resolved(old.id(), old.ruleId(), old.organization(), old.ruleKind(), old.startedAt(),
                old.message(), old.alertNotice(), old.resolvedAt().orElseThrow(), old.recoveryMessage().orElseThrow(),
                outcome));
    }

    @Override
    public synchronized List<AlertIncident> recent(OrganizationId organization, int limit) {
        return incidents.stream().filter(incident -> incident.organization().equals(organization))
                .sorted(Comparator.comparing(AlertIncident::startedAt).thenComparing(AlertIncident::id).reversed())
                .limit(limit).toList();
    }

    private long close(AlertRuleId rule, Instant resolvedAt, String message, NotificationOutcome notice) {
        AlertIncident old = open(rule);
        if (old == null) {
            throw new IllegalStateException("rule " + rule + " has no open incident");
        }
        replace(AlertIncident.resolved(old.id(), old.ruleId(), old.organization(), old.ruleKind(), old.startedAt(),
                old.message(), old.alertNotice(), resolvedAt, message, notice));
        return old.id();
    }

    private AlertIncident open(AlertRuleId rule) {
        return incidents.stream().filter(incident -> incident.ruleId().equals(rule) && incident.firing())
                .findFirst().orElse(null);
    }

    private void replace(AlertIncident incident) {
        incidents.set((int) incident.id() - 1, incident);
    }
}
