package dev.deliverytracker.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages as plain rows for the write paths that run on every callback and every send: a batch
 * locked by one query and written back by one update, each a statement whose text never changes, so
 * PostgreSQL plans it once per connection however many messages a batch holds. Used instead of
 * Hibernate's entity loading and dirty checking, which cost the group-commit writer a third of its
 * CPU, and Spring Data's derived queries, which build a criteria query on every call
 * (docs/benchmarks.md). The rows are {@link MessageRow} objects that no persistence context
 * manages, so {@link MessageMapping} stays the one place that maps a message.
 */
@Component
class MessageStateRows {

    /** Every column a {@link MessageRow} holds, for the queries of this table's other SQL adapters too. */
    static final String COLUMNS = """
            select message_id, org_id, channel, to_address, from_address, messaging_service_sid, body,
                content_sid, content_variables, tags, whatsapp_msg_sid, status, error_code, error_message,
                idempotency_key, request_fingerprint, attempts, created_at, queued_at, sent_at, delivered_at,
                read_at, failed_at, updated_at, origin, direction
            from messages
            """;

    // Locked in id order, so concurrent batches queue instead of deadlocking. Incoming rows come too, so the
    // caller learns which SIDs are customers' messages; it never hands them on as messages we sent.
    private static final String LOCK = COLUMNS + """
            where message_id = any(cast(:ids as bigint[])) or whatsapp_msg_sid = any(cast(:sids as text[]))
            order by message_id
            for update
            """;

    private static final String BY_IDS = COLUMNS + "where message_id = any(cast(:ids as bigint[]))";

    // Only what the organization sent: the message store serves sending, retrying and their answers.
    private static final String BY_ORGANIZATION_AND_ID = COLUMNS
            + "where message_id = :id and org_id = :org and direction = 'outgoing'";

    private static final String BY_IDEMPOTENCY_KEY = COLUMNS + "where org_id = :org and idempotency_key = :key";

    // The columns MessageMapping.copyState changes, and nothing else.
    private static final String WRITE_STATE = """
            update messages m set whatsapp_msg_sid = v.sid, status = v.status, error_code = v.error_code,
                error_message = v.error_message, attempts = v.attempts, queued_at = v.queued_at,
                sent_at = v.sent_at, delivered_at = v.delivered_at, read_at = v.read_at,
                failed_at = v.failed_at, updated_at = v.updated_at
            from unnest(cast(:ids as bigint[]), cast(:sids as text[]), cast(:statuses as text[]),
                cast(:errorCodes as integer[]), cast(:errorMessages as text[]), cast(:attempts as integer[]),
                cast(:queuedAt as timestamptz[]), cast(:sentAt as timestamptz[]),
                cast(:deliveredAt as timestamptz[]), cast(:readAt as timestamptz[]),
                cast(:failedAt as timestamptz[]), cast(:updatedAt as timestamptz[]))
                as v(message_id, sid, status, error_code, error_message, attempts, queued_at, sent_at,
                     delivered_at, read_at, failed_at, updated_at)
            where m.message_id = v.message_id
            """;

    private final JdbcClient jdbc;

    MessageStateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The messages with one of these ids or SIDs, locked for update until the transaction ends. */
    List<MessageRow> lock(Collection<Long> ids, Collection<String> sids) {
        return jdbc.sql(LOCK)
                .param("ids", ids.toArray(new Long[0]))
                .param("sids", sids.toArray(new String[0]))
                .query(MessageStateRows::row).list();
    }

    /** These messages, unlocked, by id; an id with no message is left out. */
    Map<Long, MessageRow> byIds(Collection<Long> ids) {
        Map<Long, MessageRow> found = new HashMap<>();
        jdbc.sql(BY_IDS).param("ids", ids.toArray(new Long[0])).query(MessageStateRows::row).list()
                .forEach(row -> found.put(row.id, row));
        return found;
    }

    /** The message with this id if it is of this organization, unlocked. */
    Optional<MessageRow> byId(long organization, long id) {
        return jdbc.sql(BY_ORGANIZATION_AND_ID).param("org", organization).param("id", id)
                .query(MessageStateRows::row).optional();
    }

    /** The message an organization sent under this idempotency key, if any. */
    Optional<MessageRow> byIdempotencyKey(long organization, String key) {
        return jdbc.sql(BY_IDEMPOTENCY_KEY).param("org", organization).param("key", key)
                .query(MessageStateRows::row).optional();
    }

    /** Writes the state of these rows (as {@link MessageMapping#copyState} left it) in one statement. */
    void writeState(Collection<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<MessageRow> list = List.copyOf(rows);
        jdbc.sql(WRITE_STATE)
                .param("ids", list.stream().map(row -> row.id).toArray(Long[]::new))
                .param("sids", strings(list, row -> row.providerSid))
                .param("statuses", strings(list, row -> row.status))
                .param("errorCodes", list.stream().map(row -> row.errorCode).toArray(Integer[]::new))
                .param("errorMessages", strings(list, row -> row.errorMessage))
                .param("attempts", list.stream().map(row -> row.attempts).toArray(Integer[]::new))
                .param("queuedAt", instants(list, row -> row.queuedAt))
                .param("sentAt", instants(list, row -> row.sentAt))
                .param("deliveredAt", instants(list, row -> row.deliveredAt))
                .param("readAt", instants(list, row -> row.readAt))
                .param("failedAt", instants(list, row -> row.failedAt))
                .param("updatedAt", instants(list, row -> row.updatedAt))
                .update();
    }

    private static String[] strings(List<MessageRow> rows, Function<MessageRow, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    /** ISO-8601 instants with their zone, which PostgreSQL reads as timestamptz whatever the JVM's zone. */
    private static String[] instants(List<MessageRow> rows, Function<MessageRow, Instant> column) {
        return rows.stream().map(column).map(at -> at == null ? null : at.toString()).toArray(String[]::new);
    }

    /** A row of {@link #COLUMNS} (or of any query that selects at least those columns). */
    static MessageRow row(ResultSet rs, int index) throws SQLException {
        MessageRow row = new MessageRow();
        row.id = rs.getLong("message_id");
        row.orgId = rs.getLong("org_id");
        row.channel = rs.getString("channel");
        row.toAddress = rs.getString("to_address");
        row.fromAddress = rs.getString("from_address");
        row.messagingServiceSid = rs.getString("messaging_service_sid");
        row.body = rs.getString("body");
        row.contentSid = rs.getString("content_sid");
        row.contentVariables = StringMapJson.read(rs.getString("content_variables"));
        row.tags = StringMapJson.read(rs.getString("tags"));
        row.providerSid = rs.getString("whatsapp_msg_sid");
        row.status = rs.getString("status");
        int errorCode = rs.getInt("error_code");
        row.errorCode = rs.wasNull() ? null : errorCode;
        row.errorMessage = rs.getString("error_message");
        row.idempotencyKey = rs.getString("idempotency_key");
        row.requestFingerprint = rs.getString("request_fingerprint");
        row.attempts = rs.getInt("attempts");
        row.createdAt = instantOrNull(rs, "created_at");
        row.queuedAt = instantOrNull(rs, "queued_at");
        row.sentAt = instantOrNull(rs, "sent_at");
        row.deliveredAt = instantOrNull(rs, "delivered_at");
        row.readAt = instantOrNull(rs, "read_at");
        row.failedAt = instantOrNull(rs, "failed_at");
        row.updatedAt = instantOrNull(rs, "updated_at");
        row.origin = rs.getString("origin");
        row.direction = rs.getString("direction");
        return row;
    }

    /** A nullable {@code timestamptz} column as an instant, or null. */
    static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
