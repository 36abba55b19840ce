package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MessageFilter} as the where clause over {@code messages} and its parameters. Only bind
 * parameters carry values; the SQL text depends on which criteria are present, nothing else.
 */
final class MessageFilterSql {

    static final String COLUMNS = """
            message_id, channel, to_address, from_address, messaging_service_sid, whatsapp_msg_sid, status,
            error_code, error_message, tags::text as tags, attempts, created_at, queued_at, sent_at, delivered_at,
            read_at, failed_at, origin, direction""";

    private final StringBuilder where = new StringBuilder("org_id = :org");
    private final Map<String, Object> params = new HashMap<>();

    private MessageFilterSql() {
    }

    static MessageFilterSql of(MessageFilter filter, Optional<MessageCursor> after) {
        MessageFilterSql sql = new MessageFilterSql();
        sql.params.put("org", filter.organization().value());
        filter.status().ifPresent(status -> sql.and("status = :status", "status", status.wireName()));
        filter.channel().ifPresent(channel -> sql.and("channel = :channel", "channel", channel.wireName()));
        filter.origin().ifPresent(origin -> sql.and("origin = :origin", "origin", origin.wireName()));
        filter.direction().ifPresent(direction -> sql.and("direction = :direction", "direction",
                direction.wireName()));
        filter.to().ifPresent(to -> sql.and("to_address = :to", "to", to.e164()));
        filter.errorCode().ifPresent(code -> sql.and("error_code = :errorCode", "errorCode", code));
        // Containment (@>) is what the GIN index on tags (jsonb_path_ops) answers.
        filter.tag().ifPresent(tag -> sql.and("tags @> cast(:tag as jsonb)", "tag",
                PayloadJson.of(Map.of(tag.key(), java.util.List.of(tag.value())))));
        filter.createdFrom().ifPresent(from -> sql.and("created_at >= :from", "from", Timestamp.from(from)));
        filter.createdUntil().ifPresent(until -> sql.and("created_at < :until", "until", Timestamp.from(until)));
        filter.sidPrefix().ifPresent(prefix -> {
            // Byte-order bounds (text_pattern_ops operators) rather than LIKE: the unique SID index
            // answers them whatever the collation, and in a generic plan too, where LIKE :pattern
            // could not be turned into an index range.
            sql.and("whatsapp_msg_sid ~>=~ :sidFrom", "sidFrom", prefix);
            sql.and("whatsapp_msg_sid ~<~ :sidUntil", "sidUntil", nextPrefix(prefix));
        });
        after.ifPresent(cursor -> {
            // A row comparison, so the (org_id, created_at desc, message_id desc) index can start right there.
            sql.where.append(" and (created_at, message_id) < (:afterAt, :afterId)");
            sql.params.put("afterAt", Timestamp.from(cursor.createdAt()));
            sql.params.put("afterId", cursor.id().value());
        });
        return sql;
    }

    /** The smallest string after every string starting with {@code prefix}: its last character plus one. */
    static String nextPrefix(String prefix) {
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    private void and(String condition, String name, Object value) {
        where.append(" and ").append(condition);
        params.put(name, value);
    }

    String select() {
        return "select " + COLUMNS + " from messages where " + where + " order by created_at desc, message_id desc";
    }

    Map<String, Object> params() {
        return params;
    }
}
