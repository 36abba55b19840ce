package dev.deliverytracker.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One incident in an organization's alert history: when a rule started firing, why, whether the
 * alert went out, and, once it cleared, when, why and whether the recovery went out.
 */
public final class AlertIncident {

    private final long id;
    private final AlertRuleId ruleId;
    private final OrganizationId organization;
    private final String ruleKind;
    private final Instant startedAt;
    private final String message;
    private final NotificationOutcome alertNotice;
    private final Instant resolvedAt;
    private final String recoveryMessage;
    private final NotificationOutcome recoveryNotice;

    private AlertIncident(long id, AlertRuleId ruleId, OrganizationId organization, String ruleKind, Instant startedAt,
            String message, NotificationOutcome alertNotice, Instant resolvedAt, String recoveryMessage,
            NotificationOutcome recoveryNotice) {
        if (ruleId == null || organization == null || ruleKind == null || startedAt == null || message == null
                || alertNotice == null) {
            throw new IllegalArgumentException("an incident needs its rule, organization, kind, start, message and notice");
        }
        this.id = id;
        this.ruleId = ruleId;
        this.organization = organization;
        this.ruleKind = ruleKind;
        this.startedAt = startedAt;
        this.message = message;
        this.alertNotice = alertNotice;
        this.resolvedAt = resolvedAt;
        this.recoveryMessage = recoveryMessage;
        this.recoveryNotice = recoveryNotice;
    }

    public static AlertIncident open(long id, AlertRuleId ruleId, OrganizationId organization, String ruleKind,
            Instant startedAt, String message, NotificationOutcome alertNotice) {
        return new AlertIncident(id, ruleId, organization, ruleKind, startedAt, message, alertNotice, null, null, null);
    }

    public static AlertIncident resolved(long id, AlertRuleId ruleId, OrganizationId organization, String ruleKind,
            Instant startedAt, String message, NotificationOutcome alertNotice, Instant resolvedAt,
            String recoveryMessage, NotificationOutcome recoveryNotice) {
        if (resolvedAt == null || recoveryMessage == null || recoveryNotice == null) {
            throw new IllegalArgumentException("a resolved incident needs its end, message and recovery notice");
        }
        return new AlertIncident(id, ruleId, organization, ruleKind, startedAt, message, alertNotice, resolvedAt,
                recoveryMessage, recoveryNotice);
    }

    public long id() {
        return id;
    }

    public AlertRuleId ruleId() {
        return ruleId;
    }

    public OrganizationId organization() {
        return organization;
    }

    public String ruleKind() {
        return ruleKind;
    }

    public boolean firing() {
        return resolvedAt == null;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String message() {
        return message;
    }

    public NotificationOutcome alertNotice() {
        return alertNotice;
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    public Optional<String> recoveryMessage() {
        return Optional.ofNullable(recoveryMessage);
    }

    public Optional<NotificationOutcome> recoveryNotice() {
        return Optional.ofNullable(recoveryNotice);
    }

    @Override
    public String toString() {
        return "AlertIncident[id=" + id + ", rule=" + ruleId + ", org=" + organization + ", kind=" + ruleKind
                + ", startedAt=" + startedAt + (firing() ? ", firing" : ", resolvedAt=" + resolvedAt) + "]";
    }
}
