package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.domain.AccountSid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine on PostgreSQL: each account (or "none" when the callback named none) keeps at most
 * {@code cap} refused callbacks per hour; beyond that the oldest of the hour go and are counted, so a
 * flood of forged posts costs a bounded amount of space and still shows how big it was.
 *
 * <p>The form is kept exactly as received, phone numbers included even when stored payloads are
 * masked elsewhere: the signature covers every value, so a masked form could never be replayed.
 */
@Component
class JdbcRefusedCallbacks implements RefusedCallbacks {

    private final JdbcClient jdbc;
    private final QuarantineLimits limits;

    JdbcRefusedCallbacks(JdbcClient jdbc,
            @Value("${tracker.webhook.quarantine-per-account-and-hour:1000}") int cap,
            @Value("${tracker.webhook.quarantine-max-age:7d}") Duration maxAge) {
        this.jdbc = jdbc;
        this.limits = new QuarantineLimits(jdbc, "refused_callbacks", cap, maxAge);
    }

    @Override
    @Transactional
    public void keep(StatusCallback callback, String reason) {
        String account = callback.first("AccountSid").map(sid -> sid.length() > 64 ? sid.substring(0, 64) : sid)
                .orElse("none");
        Timestamp hour = Timestamp.from(callback.receivedAt().truncatedTo(ChronoUnit.HOURS));
        jdbc.sql("""
                insert into refused_callbacks (account_sid, reason, url, payload, signature, received_at,
                                               idempotency_token, source_address)
                values (:account, :reason, :url, cast(:payload as jsonb), :signature, :receivedAt, :token, :source)
                """)
                .param("account", account).param("reason", reason).param("url", callback.url())
                .param("payload", PayloadJson.of(callback.parameters()))
                .param("signature", callback.signature().isBlank() ? null : callback.signature())
                .param("receivedAt", Timestamp.from(callback.receivedAt()))
                .param("token", callback.idempotencyToken().isBlank() ? null : callback.idempotencyToken())
                .param("source", callback.source()).update();
        int dropped = limits.enforce(callback.receivedAt(), "account_sid", account);
        if (dropped > 0) {
            jdbc.sql("""
                    insert into refused_callback_drops (account_sid, hour, dropped) values (:account, :hour, :dropped)
                    on conflict (account_sid, hour) do update set dropped = refused_callback_drops.dropped + excluded.dropped
                    """)
                    .param("account", account).param("hour", hour).param("dropped", dropped).update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<QuarantinedCallback> of(AccountSid account, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select refused_id, reason, url, payload::text as payload, signature, received_at, idempotency_token,
                       source_address
                from refused_callbacks
                where account_sid = :account and received_at >= :from and received_at < :to
                order by received_at, refused_id
                limit :limit
                """)
                .param("account", account.value()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("limit", limit)
                .query(JdbcRefusedCallbacks::quarantined).list();
    }

    @Override
    @Transactional
    public void release(long id) {
        jdbc.sql("delete from refused_callbacks where refused_id = :id").param("id", id).update();
    }

    private static QuarantinedCallback quarantined(ResultSet row, int rowNumber) throws SQLException {
        StatusCallback callback = new StatusCallback(row.getString("url"), PayloadJson.form(row.getString("payload")),
                row.getString("signature"), row.getString("idempotency_token"),
                row.getTimestamp("received_at").toInstant(), row.getString("source_address"));
        return new QuarantinedCallback(row.getLong("refused_id"), callback, row.getString("reason"));
    }
}
