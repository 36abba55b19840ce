package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log on PostgreSQL. Every method is one transaction that takes its locks in one
 * order: first an advisory lock on the Twilio SID (so a callback that finds no message and the send
 * response that stores that SID cannot miss each other), then the message row, then the log insert.
 * Taking the row lock before the insert matters: the insert's foreign key check takes a key-share
 * lock on the message, and two callbacks each holding one while waiting for the row lock would
 * deadlock.
 */
@Component
class PostgresDeliveryLog implements DeliveryLog {

    private static final String INSERT_EVENT = """
            insert into message_delivery_log (org_id, message_id, provider_sid, account_sid, status, error_code,
                error_message, source, provider_payload, dedupe_key, idempotency_token, created_at)
            values (:org, :message, :sid, :account, :status, :errorCode, :errorMessage, :source,
                cast(:payload as jsonb), :dedupeKey, :token, :createdAt)
            on conflict (dedupe_key) do nothing
            returning delivery_id
            """;

    private final JdbcClient jdbc;
    private final MessageStateRows rows;
    private final Clock clock;

    private final GroupCommit groupCommit;

    PostgresDeliveryLog(JdbcClient jdbc, MessageStateRows rows, Clock clock, GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
    }

    /** Through the group commit: shares a transaction with whatever else arrived at the same moment. */
    @Override
    public RecordOutcome append(ReportedEvent reported) {
        return groupCommit.record(reported);
    }

    @Override
    @Transactional
    public Message accepted(MessageId id, DeliveryEvent firstStatus) {
        lockSid(firstStatus.sid());
        MessageEntity row = lock(id, "accept");
        Message message = MessageMapping.toDomain(row);
        if (!message.sid().equals(Optional.of(firstStatus.sid()))) {
            message = message.acceptedAs(firstStatus.sid());
        }
        insert(firstStatus, row, null, Map.of(), "");
        // Callbacks that outran Twilio's answer are attached now, and the status re-derived from them;
        // only this organization's: another tenant's account reporting the same SID is not evidence.
        List<DeliveryEvent> attached = jdbc.sql("""
                update message_delivery_log set message_id = :message, org_id = :org
                where provider_sid = :sid and message_id is null and org_id = :org
                returning provider_sid, status, error_code, error_message, source, created_at
                """)
                .param("message", row.id).param("org", row.orgId).param("sid", firstStatus.sid().value())
                .query(PostgresDeliveryLog::event).list();
        message = message.apply(firstStatus);
        for (DeliveryEvent early : attached) {
            message = message.apply(early);
        }
        MessageMapping.copyState(message, row, clock.instant());
        rows.writeState(List.of(row));
        leaveOutbox(id);
        return message;
    }

    @Override
    @Transactional
    public Message sendFailed(MessageId id, DeliveryError failure, Instant at) {
        MessageEntity row = lock(id, "fail");
        Message failed = MessageMapping.toDomain(row).sendFailed(failure, at);
        jdbc.sql(INSERT_EVENT)
                .param("org", row.orgId).param("message", row.id).param("sid", null).param("account", null)
                .param("status", "failed").param("errorCode", failure.code()).param("errorMessage", failure.message())
                .param("source", EventSource.SEND_FAILURE.wireName()).param("payload", "{}")
                // Each failed attempt is its own event: the attempt number keeps them apart.
                .param("dedupeKey", "send-failure:" + id + ":" + failed.attempts())
                .param("token", null).param("createdAt", Timestamp.from(at))
                .query(Long.class).optional();
        MessageMapping.copyState(failed, row, clock.instant());
        rows.writeState(List.of(row));
        leaveOutbox(id);
        return failed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeliveryEvent> history(MessageId id) {
        return jdbc.sql("""
                select provider_sid, status, error_code, error_message, source, created_at
                from message_delivery_log
                where message_id = :message and provider_sid is not null
                order by created_at, delivery_id
                """).param("message", id.value()).query(PostgresDeliveryLog::event).list();
    }

    private MessageEntity lock(MessageId id, String purpose) {
        List<MessageEntity> locked = rows.lock(List.of(id.value()), List.of());
        if (locked.isEmpty()) {
            throw new IllegalStateException("no message " + id + " to " + purpose);
        }
        return locked.get(0);
    }

    private void leaveOutbox(MessageId id) {
        jdbc.sql("delete from message_outbox where message_id = :message").param("message", id.value()).update();
    }

    private void lockSid(MessageSid sid) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:sid, 0))").param("sid", sid.value())
                .query().singleValue();
    }

    private boolean insert(DeliveryEvent event, MessageEntity message, String account,
            Map<String, List<String>> payload, String token) {
        return jdbc.sql(INSERT_EVENT)
                .param("org", message.orgId).param("message", message.id)
                .params(eventColumns(event, account, payload, token))
                .query(Long.class).optional().isPresent();
    }

    private static Map<String, Object> eventColumns(DeliveryEvent event, String account,
            Map<String, List<String>> payload, String token) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("sid", event.sid().value());
        columns.put("account", account);
        columns.put("status", event.reportedStatus());
        columns.put("errorCode", event.error().isPresent() ? event.error().code() : null);
        columns.put("errorMessage", event.error().isPresent() ? event.error().message() : null);
        columns.put("source", event.source().wireName());
        columns.put("payload", PayloadJson.of(payload));
        columns.put("dedupeKey", event.dedupeKey());
        columns.put("token", token.isBlank() ? null : token);
        columns.put("createdAt", Timestamp.from(event.receivedAt()));
        return columns;
    }

    private static DeliveryEvent event(ResultSet row, int index) throws SQLException {
        int errorCode = row.getInt("error_code");
        DeliveryError error = row.wasNull() || errorCode == 0 ? DeliveryError.NONE
                : DeliveryError.of(errorCode, row.getString("error_message"));
        return new DeliveryEvent(MessageSid.of(row.getString("provider_sid")), row.getString("status"), error,
                EventSource.parse(row.getString("source")), row.getTimestamp("created_at").toInstant());
    }
}
