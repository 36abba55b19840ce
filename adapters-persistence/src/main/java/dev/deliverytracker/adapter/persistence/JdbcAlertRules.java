package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Alert rules in typed columns, one set of parameters per kind. */
@Component
class JdbcAlertRules implements AlertRules {

    private static final String COLUMNS = "rule_id, org_id, kind, window_ms, threshold, minimum, error_code, "
            + "p90_threshold_ms, webhook_url, format, enabled";

    private final JdbcClient jdbc;

    JdbcAlertRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public AlertRule add(OrganizationId organization, AlertCondition condition, WebhookUrl webhook,
            NotificationFormat format) {
        Double threshold = null;
        Integer errorCode = null;
        Long p90 = null;
        int minimum;
        if (condition instanceof AlertCondition.FailureRate rate) {
            threshold = rate.threshold();
            minimum = rate.minimumVolume();
        } else if (condition instanceof AlertCondition.ErrorBurst burst) {
            errorCode = burst.errorCode();
            minimum = burst.minimumCount();
        } else if (condition instanceof AlertCondition.SlowDelivery slow) {
            p90 = slow.p90Threshold().toMillis();
            minimum = slow.minimumVolume();
        } else if (condition instanceof AlertCondition.CallbacksStopped stopped) {
            minimum = stopped.minimumAccepted();
        } else if (condition instanceof AlertCondition.CallbacksRefused refused) {
            minimum = refused.minimumRefused();
        } else {
            throw new IllegalArgumentException("no columns for alert condition " + condition.kind());
        }
        long id = jdbc.sql("""
                insert into alert_rules (org_id, kind, window_ms, threshold, minimum, error_code, p90_threshold_ms,
                                         webhook_url, format)
                values (:org, :kind, :window, :threshold, :minimum, :code, :p90, :url, :format)
                returning rule_id
                """)
                .param("org", organization.value()).param("kind", condition.kind())
                .param("window", condition.window().toMillis()).param("threshold", threshold)
                .param("minimum", minimum).param("code", errorCode).param("p90", p90)
                .param("url", webhook.value().toString()).param("format", format.wireName())
                .query(Long.class).single();
        return AlertRule.restore(AlertRuleId.of(id), organization, condition, webhook, format, true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AlertRule> of(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from alert_rules where org_id = :org and deleted_at is null order by rule_id")
                .param("org", organization.value()).query(JdbcAlertRules::rule).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AlertRule> enabled() {
        return jdbc.sql("select " + COLUMNS + " from alert_rules where enabled and deleted_at is null order by rule_id")
                .query(JdbcAlertRules::rule).list();
    }

    @Override
    @Transactional
    public boolean remove(OrganizationId organization, AlertRuleId rule, Instant now) {
        int removed = jdbc.sql("""
                update alert_rules set deleted_at = :now, enabled = false
                where rule_id = :rule and org_id = :org and deleted_at is null
                """)
                .param("now", Timestamp.from(now)).param("rule", rule.value()).param("org", organization.value())
                .update();
        if (removed == 0) {
            return false;
        }
        jdbc.sql("""
                update alert_incidents
                set state = 'resolved', resolved_at = :now, resolved_message = :message,
                    recovery_notice = 'failed', recovery_detail = :detail
                where rule_id = :rule and state = 'firing'
                """)
                .param("now", Timestamp.from(now)).param("message", JdbcAlertHistory.RULE_DELETED)
                .param("detail", "not sent: " + JdbcAlertHistory.RULE_DELETED).param("rule", rule.value()).update();
        return true;
    }

    private static AlertRule rule(ResultSet row, int rowNumber) throws SQLException {
        Duration window = Duration.ofMillis(row.getLong("window_ms"));
        int minimum = row.getInt("minimum");
        String kind = row.getString("kind");
        AlertCondition condition = switch (kind) {
            case "failure_rate" -> new AlertCondition.FailureRate(window, row.getDouble("threshold"), minimum);
            case "error_burst" -> new AlertCondition.ErrorBurst(row.getInt("error_code"), window, minimum);
            case "slow_delivery" -> new AlertCondition.SlowDelivery(Duration.ofMillis(row.getLong("p90_threshold_ms")),
                    window, minimum);
            case "callbacks_stopped" -> new AlertCondition.CallbacksStopped(window, minimum);
            case "callbacks_refused" -> new AlertCondition.CallbacksRefused(window, minimum);
            default -> throw new IllegalStateException("unknown alert rule kind '" + kind + "' in alert_rules");
        };
        return AlertRule.restore(AlertRuleId.of(row.getLong("rule_id")), OrganizationId.of(row.getLong("org_id")),
                condition, new WebhookUrl(URI.create(row.getString("webhook_url"))),
                NotificationFormat.parse(row.getString("format")), row.getBoolean("enabled"));
    }
}
