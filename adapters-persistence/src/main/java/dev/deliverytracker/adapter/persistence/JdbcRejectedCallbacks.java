package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcRejectedCallbacks implements RejectedCallbacks {

    private final JdbcClient jdbc;
    private final StoredPayloads payloads;

    JdbcRejectedCallbacks(JdbcClient jdbc, StoredPayloads payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    @Override
    @Transactional
    public void keep(StatusCallback callback, String reason) {
        String account = callback.first("AccountSid").orElse(null);
        jdbc.sql("""
                insert into rejected_callbacks (org_id, account_sid, reason, url, payload, received_at)
                values ((select org_id from organizations where twilio_account_sid = :account), :account, :reason,
                        :url, cast(:payload as jsonb), :receivedAt)
                """)
                .param("account", account).param("reason", reason).param("url", callback.url())
                .param("payload", payloads.json(callback.parameters()))
                .param("receivedAt", Timestamp.from(callback.receivedAt()))
                .update();
    }
}
