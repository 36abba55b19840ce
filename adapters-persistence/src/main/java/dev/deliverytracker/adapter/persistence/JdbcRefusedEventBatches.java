package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine of refused Event Streams batches: at most {@code cap} per hour (the oldest of the hour
 * go beyond it), none older than {@code maxAge}, and of each body at most {@link #KEPT_BODY_CHARS}
 * characters ({@code body_length} tells the whole), so forged posts cost a bounded amount of space.
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
        jdbc.sql("""
                insert into refused_event_batches (account_sids, reason, url, body, body_length, signature,
                                                   source_address, received_at)
                values (:accounts, :reason, :url, :body, :length, :signature, :source, :receivedAt)
                """)
                .param("accounts", accounts.isEmpty() ? "none" : accounts).param("reason", reason)
                .param("url", batch.url())
                .param("body", batch.body().length() > KEPT_BODY_CHARS ? batch.body().substring(0, KEPT_BODY_CHARS)
                        : batch.body())
                .param("length", batch.body().length())
                .param("signature", batch.signature().isBlank() ? null : batch.signature())
                .param("source", batch.source()).param("receivedAt", Timestamp.from(batch.receivedAt())).update();
        limits.enforce(batch.receivedAt(), null, null);
    }
}
