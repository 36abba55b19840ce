package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.domain.AccountSid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine of refused Event Streams batches: at most {@code cap} per hour (the oldest of the hour
 * go beyond it), none older than {@code maxAge}, and of each body at most {@link #KEPT_BODY_CHARS}
 * characters ({@code body_length} tells the whole), so forged posts cost a bounded amount of space. A
 * batch kept whole keeps its events too (V61), so it can be replayed; one cut short cannot.
 */
@Component
class JdbcRefusedEventBatches implements RefusedEventBatches {

    /** As much of a refused body as is kept: enough to see what came, as much as a callback's whole form. */
    static final int KEPT_BODY_CHARS = 64 * 1024;

    private final JdbcClient jdbc;
    private final QuarantineLimits limits;

    JdbcRefusedEventBatches(JdbcClient jdbc,
            @Value("${tracker.webhook.quarantine-per-account-and-hour:1000}") int cap,
            @Value("${tracker.webhook.quarantine-max-age:7d}") Duration maxAge) {
        this.jdbc = jdbc;
        this.limits = new QuarantineLimits(jdbc, "refused_event_batches", cap, maxAge);
    }

    @Override
    @Transactional
    public void keep(EventBatch batch, String reason) {
        String accounts = batch.events().stream().map(event -> event.field("accountSid").orElse(null))
                .filter(Objects::nonNull).distinct().limit(5)
                .map(sid -> sid.length() > 64 ? sid.substring(0, 64) : sid).collect(Collectors.joining(","));
        boolean whole = batch.body().length() <= KEPT_BODY_CHARS;
        jdbc.sql("""
                insert into refused_event_batches (account_sids, reason, url, body, body_length, signature,
                                                   source_address, received_at, events)
                values (:accounts, :reason, :url, :body, :length, :signature, :source, :receivedAt,
                        cast(:events as jsonb))
                """)
                .param("accounts", accounts.isEmpty() ? "none" : accounts).param("reason", reason)
                .param("url", batch.url())
                .param("body", whole ? batch.body() : batch.body().substring(0, KEPT_BODY_CHARS))
                .param("events", whole ? KeptBatchEvents.write(batch.events()) : null)
                .param("length", batch.body().length())
                .param("signature", batch.signature().isBlank() ? null : batch.signature())
                .param("source", batch.source()).param("receivedAt", Timestamp.from(batch.receivedAt())).update();
        limits.enforce(batch.receivedAt(), null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<QuarantinedBatch> of(AccountSid account, Instant from, Instant to, int limit) {
        // The sink URL names its account as a query parameter (?account=AC...), after ? or &.
        return jdbc.sql("""
                select refused_id, reason, url, body, body_length, signature, source_address, received_at,
                       events::text as events
                from refused_event_batches
                where received_at >= :from and received_at < :to
                  and (:account = any(string_to_array(account_sids, ','))
                       or url ~ ('[?&]account=' || :account || '(&|$)'))
                order by received_at, refused_id
                limit :limit
                """)
                .param("account", account.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((row, index) -> {
                    String events = row.getString("events");
                    String body = row.getString("body");
                    EventBatch batch = new EventBatch(row.getString("url"), List.of(), body,
                            row.getString("signature"), events == null ? List.of() : KeptBatchEvents.read(events),
                            row.getTimestamp("received_at").toInstant(), row.getString("source_address"));
                    return new QuarantinedBatch(row.getLong("refused_id"), batch, row.getString("reason"),
                            row.getInt("body_length"), events != null && body.length() == row.getInt("body_length"));
                })
                .list();
    }

    @Override
    @Transactional
    public void release(long id) {
        jdbc.sql("delete from refused_event_batches where refused_id = :id").param("id", id).update();
    }
}
