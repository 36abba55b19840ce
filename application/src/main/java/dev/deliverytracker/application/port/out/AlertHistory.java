package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.AlertState;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;

/** Incidents per rule: the state the cooldown rule reads, and the history operators read. */
public interface AlertHistory {

    /** Firing if the rule has an open incident, else quiet since its last incident ended (if any). */
    AlertState stateOf(AlertRuleId rule);

    /** Opens an incident; its alert notice is pending. Answers the incident's id. */
    long started(AlertRule rule, Instant startedAt, String message);

    /** Closes the rule's open incident; its recovery notice is pending. Answers the incident's id. */
    long recovered(AlertRuleId rule, Instant resolvedAt, String message);

    /** What became of the alert of an incident. */
    void alertNotified(long incident, NotificationOutcome outcome);

    /** What became of the recovery of an incident. */
    void recoveryNotified(long incident, NotificationOutcome outcome);

    /** The organization's incidents, newest first. */
    List<AlertIncident> recent(OrganizationId organization, int limit);
}
