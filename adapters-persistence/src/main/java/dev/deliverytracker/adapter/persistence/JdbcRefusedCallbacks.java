package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.in.StatusCallback;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine on PostgreSQL: each account (or "none" when the callback named none) keeps at most
 * {@code cap} refused callbacks per hour; beyond that the oldest of the hour go and are counted, so a
 * flood of forged posts costs a bounded amount of space and still shows how big it was.
 */
@Component
class JdbcRefusedCallbacks implements RefusedCallbacks {

    private final JdbcClient jdbc;
    private final StoredPayloads payloads;
    private final int cap;

    JdbcRefusedCallbacks(JdbcClient jdbc, StoredPayloads payloads,
            @Value("${tracker.webhook.quarantine-per-account-and-hour:1000}") int cap) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        this.cap = cap;
    }

    @Override
    @Transactional
    public void keep(StatusCallback callback, String reason) {
        String account = callback.first("AccountSid").map(sid -> sid.length() > 64 ? sid.substring(0, 64) : sid)
                .orElse("none");
        Timestamp hour = Timestamp.from(callback.receivedAt().truncatedTo(ChronoUnit.HOURS));
        jdbc.sql("""
                insert into refused_callbacks (account_sid, reason, url, payload, signature, received_at)
                values (:account, :reason, :url, cast(:payload as jsonb), :signature, :receivedAt)
                """)
                .param("account", account).param("reason", reason).param("url", callback.url())
                .param("payload", payloads.json(callback.parameters()))
                .param("signature", callback.signature().isBlank() ? null : callback.signature())
                .param("receivedAt", Timestamp.from(callback.receivedAt())).update();
        int dropped = jdbc.sql("""
                delete from refused_callbacks where refused_id in (
                    select refused_id from refused_callbacks
                    where account_sid = :account and received_at >= cast(:hour as timestamptz)
                      and received_at < cast(:hour as timestamptz) + interval '1 hour'
                    order by received_at desc, refused_id desc
                    offset :cap)
                """)
                .param("account", account).param("hour", hour).param("cap", cap).update();
        if (dropped > 0) {
            jdbc.sql("""
                    insert into refused_callback_drops (account_sid, hour, dropped) values (:account, :hour, :dropped)
                    on conflict (account_sid, hour) do update set dropped = refused_callback_drops.dropped + excluded.dropped
                    """)
                    .param("account", account).param("hour", hour).param("dropped", dropped).update();
        }
    }
}
