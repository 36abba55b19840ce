package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StoredUnmatchedEvents;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Unmatched rows of {@code message_delivery_log}, paged by {@code delivery_id}. */
@Component
class JdbcStoredUnmatchedEvents implements StoredUnmatchedEvents {

    private final JdbcClient jdbc;

    JdbcStoredUnmatchedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredUnmatched> page(OrganizationId organization, long after, int limit) {
        return jdbc.sql("""
                select delivery_id, provider_sid, account_sid, status, error_code, error_message, source, created_at,
                    provider_payload::text as payload, idempotency_token
                from message_delivery_log
                where org_id = :org and message_id is null and delivery_id > :after and account_sid is not null
                order by delivery_id limit :limit
                """).param("org", organization.value()).param("after", after).param("limit", limit)
                .query((row, index) -> new StoredUnmatched(row.getLong("delivery_id"), new ReportedEvent(
                        JdbcLockedDeliveryLog.event(row), MessageLookup.bySid(), organization,
                        AccountSid.of(row.getString("account_sid")), PayloadJson.form(row.getString("payload")),
                        row.getString("idempotency_token"))))
                .list();
    }
}
