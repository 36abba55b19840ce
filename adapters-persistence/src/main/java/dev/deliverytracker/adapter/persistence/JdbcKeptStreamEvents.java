package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event Streams events kept instead of recorded, once per organization and event id (Twilio's retries
 * and duplicates add nothing). Rows older than {@code maxAge} go, a few with each new one.
 */
@Component
class JdbcKeptStreamEvents implements KeptStreamEvents {

    private static final int AGED_OUT_PER_KEEP = 20;

    private final JdbcClient jdbc;
    private final Duration maxAge;

    JdbcKeptStreamEvents(JdbcClient jdbc, @Value("${tracker.event-streams.kept-max-age:7d}") Duration maxAge) {
        this.jdbc = jdbc;
        this.maxAge = maxAge;
    }

    @Override
    @Transactional
    public void keep(OrganizationId organization, AccountSid signedBy, StreamedEvent event, Disposition disposition,
            String reason, Instant receivedAt) {
        jdbc.sql("""
                insert into stream_events_kept (org_id, account_sid, event_id, type, disposition, reason, event,
                                                received_at)
                values (:org, :account, :eventId, :type, :disposition, :reason, cast(:event as jsonb), :receivedAt)
                on conflict (org_id, event_id) do nothing
                """)
                .param("org", organization.value()).param("account", signedBy.value())
                .param("eventId", event.id()).param("type", event.type())
                .param("disposition", disposition.name().toLowerCase(Locale.ROOT)).param("reason", reason)
                .param("event", event.json().isBlank() ? "{}" : event.json())
                .param("receivedAt", Timestamp.from(receivedAt)).update();
        jdbc.sql("""
                delete from stream_events_kept where kept_id in (
                    select kept_id from stream_events_kept where received_at < :cutoff
                    order by received_at limit :limit for update skip locked)
                """)
                .param("cutoff", Timestamp.from(receivedAt.minus(maxAge))).param("limit", AGED_OUT_PER_KEEP).update();
    }
}
