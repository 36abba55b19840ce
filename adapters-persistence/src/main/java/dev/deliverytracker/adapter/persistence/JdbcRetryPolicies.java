package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcRetryPolicies implements RetryPolicies {

    private final JdbcClient jdbc;

    JdbcRetryPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RetryPolicy> of(OrganizationId organization) {
        return jdbc.sql("select enabled, max_attempts, first_delay_ms, max_delay_ms from retry_policies where org_id = :org")
                .param("org", organization.value())
                .query((row, index) -> new RetryPolicy(row.getBoolean("enabled"), row.getInt("max_attempts"),
                        Duration.ofMillis(row.getLong("first_delay_ms")), Duration.ofMillis(row.getLong("max_delay_ms"))))
                .optional();
    }

    @Override
    @Transactional
    public void save(OrganizationId organization, RetryPolicy policy) {
        jdbc.sql("""
                insert into retry_policies (org_id, enabled, max_attempts, first_delay_ms, max_delay_ms)
                values (:org, :enabled, :max, :first, :maxDelay)
                on conflict (org_id) do update set enabled = excluded.enabled, max_attempts = excluded.max_attempts,
                    first_delay_ms = excluded.first_delay_ms, max_delay_ms = excluded.max_delay_ms, updated_at = now()
                """)
                .param("org", organization.value()).param("enabled", policy.enabled())
                .param("max", policy.maxAttempts()).param("first", policy.firstDelay().toMillis())
                .param("maxDelay", policy.maxDelay().toMillis()).update();
    }
}
