package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.AlertState;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Incidents in {@code alert_incidents}; a partial unique index keeps one open incident per rule. */
@Component
class JdbcAlertHistory implements AlertHistory {

    static final String RULE_DELETED = "rule deleted";

    private final JdbcClient jdbc;

    JdbcAlertHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public AlertState stateOf(AlertRuleId rule) {
        return jdbc.sql("""
                select state, started_at, message, resolved_at from alert_incidents
                where rule_id = :rule order by incident_id desc limit 1
                """)
                .param("rule", rule.value())
                .query((row, n) -> "firing".equals(row.getString("state"))
                        ? (AlertState) new AlertState.Firing(instant(row, "started_at"), row.getString("message"))
                        : new AlertState.Quiet(instant(row, "resolved_at")))
                .optional().orElse(AlertState.neverFired());
    }

    @Override
    @Transactional
    public long started(AlertRule rule, Instant startedAt, String message) {
        return jdbc.sql("""
                insert into alert_incidents (rule_id, org_id, rule_kind, state, started_at, message)
                values (:rule, :org, :kind, 'firing', :started, :message)
                returning incident_id
                """)
                .param("rule", rule.id().value()).param("org", rule.organization().value())
                .param("kind", rule.condition().kind()).param("started", Timestamp.from(startedAt))
                .param("message", message).query(Long.class).single();
    }

    @Override
    @Transactional
    public long recovered(AlertRuleId rule, Instant resolvedAt, String message) {
        return jdbc.sql("""
                update alert_incidents
                set state = 'resolved', resolved_at = :resolved, resolved_message = :message, recovery_notice = 'pending'
                where rule_id = :rule and state = 'firing'
                returning incident_id
                """)
                .param("resolved", Timestamp.from(resolvedAt)).param("message", message).param("rule", rule.value())
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("rule " + rule + " has no open incident"));
    }

    @Override
    @Transactional
    public void alertNotified(long incident, NotificationOutcome outcome) {
        jdbc.sql("update alert_incidents set alert_notice = :notice, alert_detail = :detail where incident_id = :id")
                .param("notice", word(outcome)).param("detail", detail(outcome)).param("id", incident).update();
    }

    @Override
    @Transactional
    public void recoveryNotified(long incident, NotificationOutcome outcome) {
        jdbc.sql("update alert_incidents set recovery_notice = :notice, recovery_detail = :detail where incident_id = :id")
                .param("notice", word(outcome)).param("detail", detail(outcome)).param("id", incident).update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AlertIncident> recent(OrganizationId organization, int limit) {
        return jdbc.sql("""
                select incident_id, rule_id, org_id, rule_kind, started_at, message, alert_notice, alert_detail,
                       resolved_at, resolved_message, recovery_notice, recovery_detail
                from alert_incidents where org_id = :org
                order by started_at desc, incident_id desc limit :limit
                """)
                .param("org", organization.value()).param("limit", limit).query(JdbcAlertHistory::incident).list();
    }

    private static AlertIncident incident(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("incident_id");
        AlertRuleId rule = AlertRuleId.of(row.getLong("rule_id"));
        OrganizationId org = OrganizationId.of(row.getLong("org_id"));
        NotificationOutcome alert = outcome(row.getString("alert_notice"), row.getString("alert_detail"));
        Timestamp resolved = row.getTimestamp("resolved_at");
        if (resolved == null) {
            return AlertIncident.open(id, rule, org, row.getString("rule_kind"), instant(row, "started_at"),
                    row.getString("message"), alert);
        }
        return AlertIncident.resolved(id, rule, org, row.getString("rule_kind"), instant(row, "started_at"),
                row.getString("message"), alert, resolved.toInstant(), row.getString("resolved_message"),
                outcome(row.getString("recovery_notice"), row.getString("recovery_detail")));
    }

    private static String word(NotificationOutcome outcome) {
        if (outcome instanceof NotificationOutcome.Sent) {
            return "sent";
        }
        return outcome instanceof NotificationOutcome.Failed ? "failed" : "pending";
    }

    private static String detail(NotificationOutcome outcome) {
        if (outcome instanceof NotificationOutcome.Sent sent) {
            return Integer.toString(sent.httpStatus());
        }
        return outcome instanceof NotificationOutcome.Failed failed ? failed.reason() : null;
    }

    private static NotificationOutcome outcome(String word, String detail) {
        if ("sent".equals(word)) {
            return new NotificationOutcome.Sent(Integer.parseInt(detail));
        }
        if ("failed".equals(word)) {
            return new NotificationOutcome.Failed(detail == null || detail.isBlank() ? "unknown" : detail);
        }
        return new NotificationOutcome.Pending();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
