package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers alert rules judge, each one query on an index that starts with {@code org_id}:
 * {@code messages_org_created_idx} for windows over created messages, {@code messages_org_failed_idx}
 * for error bursts, {@code delivery_log_org_created_idx} for callbacks.
 */
@Component
class PostgresDeliveryObservations implements DeliveryObservations {

    private final JdbcClient jdbc;

    PostgresDeliveryObservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryObservation.FailureCounts failures(OrganizationId organization, Instant since) {
        // Still on its way (pending to sending) is neither a success nor a failure yet.
        return jdbc.sql("""
                select count(*) filter (where status in ('failed', 'undelivered')) as failed,
                       count(*) as total
                from messages
                where org_id = :org and created_at >= :since and direction = 'outgoing'
                  and status not in ('pending', 'accepted', 'scheduled', 'queued', 'sending', 'unknown')
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since))
                .query((row, n) -> new DeliveryObservation.FailureCounts(row.getLong("failed"), row.getLong("total")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryObservation.ErrorCount errors(OrganizationId organization, int errorCode, Instant since) {
        long count = jdbc.sql("""
                select count(*) from messages
                where org_id = :org and failed_at >= :since and error_code = :code
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since)).param("code", errorCode)
                .query(Long.class).single();
        return new DeliveryObservation.ErrorCount(errorCode, count);
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryObservation.Latency latency(OrganizationId organization, Instant since) {
        return jdbc.sql("""
                select count(*) as delivered,
                       percentile_cont(0.9) within group (
                           order by extract(epoch from delivered_at - coalesce(sent_at, created_at))) as p90_seconds
                from messages
                where org_id = :org and created_at >= :since and delivered_at is not null
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since))
                .query((row, n) -> {
                    long delivered = row.getLong("delivered");
                    double seconds = row.getDouble("p90_seconds");
                    // A delivery receipt stamped before "sent" (clock skew between Twilio's reports) counts as instant.
                    return delivered == 0 ? DeliveryObservation.Latency.none()
                            : new DeliveryObservation.Latency(delivered,
                                    Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
                })
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryObservation.CallbackFlow callbackFlow(OrganizationId organization, Instant since) {
        return jdbc.sql("""
                select (select count(*) from messages
                        where org_id = :org and created_at >= :since and whatsapp_msg_sid is not null
                          and direction = 'outgoing') as accepted,
                       (select count(*) from message_delivery_log
                        where org_id = :org and created_at >= :since and source = 'callback') as callbacks
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since))
                .query((row, n) -> new DeliveryObservation.CallbackFlow(row.getLong("accepted"), row.getLong("callbacks")))
                .single();
    }

    /**
     * Refusals are counted by the organization's account: what the quarantine kept since then, plus
     * what its cap dropped in the hours that overlap the window (drops are counted per hour only).
     */
    @Override
    @Transactional(readOnly = true)
    public DeliveryObservation.CallbackRefusals callbackRefusals(OrganizationId organization, Instant since) {
        return jdbc.sql("""
                select (select count(*) from message_delivery_log
                        where org_id = :org and created_at >= :since and source = 'callback') as verified,
                       (select count(*) from refused_callbacks r join organizations o
                            on r.account_sid = o.twilio_account_sid
                        where o.org_id = :org and r.received_at >= :since)
                       + (select coalesce(sum(d.dropped), 0) from refused_callback_drops d join organizations o
                            on d.account_sid = o.twilio_account_sid
                          where o.org_id = :org and d.hour > cast(:since as timestamptz) - interval '1 hour') as refused
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since))
                .query((row, n) -> new DeliveryObservation.CallbackRefusals(row.getLong("verified"),
                        row.getLong("refused")))
                .single();
    }
}
