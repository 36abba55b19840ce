package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What tests need to set up and look at messages on PostgreSQL and that no use case needs: storing a
 * message without an outbox entry, reading it back by id or SID, reading its history. Kept out of the
 * ports so that no production caller can lean on it. A component of this adapter's package, shipped in
 * its test-jar, so the adapter's scan picks it up wherever the tests run (its own and bootstrap's).
 */
@Component
@Transactional(readOnly = true)
public class StoredMessages {

    // Test set-up only: the service itself stores a message together with its outbox entry.
    private static final String INSERT_MESSAGE = """
            insert into messages (org_id, channel, to_address, from_address, messaging_service_sid, body, content_sid,
                content_variables, tags, whatsapp_msg_sid, status, error_code, error_message, idempotency_key,
                attempts, created_at, queued_at, sent_at, delivered_at, read_at, failed_at, updated_at)
            values (:org, :channel, :to, :from, :service, :body, :contentSid, cast(:variables as jsonb),
                cast(:tags as jsonb), :sid, :status, :errorCode, :errorMessage, :idempotencyKey, :attempts,
                :createdAt, :queuedAt, :sentAt, :deliveredAt, :readAt, :failedAt, :updatedAt)
            returning message_id
            """;

    private final MessageStateRows rows;
    private final JdbcClient jdbc;

    StoredMessages(MessageStateRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** Stores a new message and answers it with its id. */
    @Transactional
    public Message add(Message pending) {
        if (pending.id().isPresent()) {
            throw new IllegalArgumentException("message " + pending.id().get() + " is already stored");
        }
        MessageRow row = MessageMapping.newRow(pending);
        long id = jdbc.sql(INSERT_MESSAGE)
                .param("org", row.orgId).param("channel", row.channel).param("to", row.toAddress)
                .param("from", row.fromAddress).param("service", row.messagingServiceSid).param("body", row.body)
                .param("contentSid", row.contentSid).param("variables", StringMapJson.write(row.contentVariables))
                .param("tags", StringMapJson.write(row.tags)).param("sid", row.providerSid).param("status", row.status)
                .param("errorCode", row.errorCode).param("errorMessage", row.errorMessage)
                .param("idempotencyKey", row.idempotencyKey).param("attempts", row.attempts)
                .param("createdAt", timestamp(row.createdAt)).param("queuedAt", timestamp(row.queuedAt))
                .param("sentAt", timestamp(row.sentAt)).param("deliveredAt", timestamp(row.deliveredAt))
                .param("readAt", timestamp(row.readAt)).param("failedAt", timestamp(row.failedAt))
                .param("updatedAt", timestamp(row.updatedAt))
                .query(Long.class).single();
        return find(MessageId.of(id)).orElseThrow();
    }

    public Optional<Message> find(MessageId id) {
        return Optional.ofNullable(rows.byIds(List.of(id.value())).get(id.value())).map(MessageMapping::toDomain);
    }

    public Optional<Message> findBySid(MessageSid sid) {
        return jdbc.sql(MessageStateRows.COLUMNS + "where whatsapp_msg_sid = :sid").param("sid", sid.value())
                .query(MessageStateRows::row).optional().map(MessageMapping::toDomain);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** Every event Twilio reported for a message (callbacks, send responses, polls), oldest first. */
    public List<DeliveryEvent> history(MessageId id) {
        return jdbc.sql("""
                select provider_sid, status, error_code, error_message, source, created_at
                from message_delivery_log
                where message_id = :message and provider_sid is not null
                order by created_at, delivery_id
                """).param("message", id.value()).query((row, index) -> JdbcLockedDeliveryLog.event(row)).list();
    }
}
