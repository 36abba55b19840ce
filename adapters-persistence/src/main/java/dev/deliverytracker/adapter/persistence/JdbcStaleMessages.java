package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.StaleMessage;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciler's candidates on PostgreSQL. One query, a {@code union all} of one branch per status
 * so each branch reads {@code messages_stale_idx} in {@code updated_at} order with its own cutoff.
 * Marking a poll touches only the polling columns, never {@code updated_at}: a poll that brings no
 * news leaves the message as stale as it was.
 */
@Component
class JdbcStaleMessages implements StaleMessages {

    /** The statuses {@code messages_stale_idx} covers; repeated in each branch so the planner can use it. */
    private static final String INDEXED = "('accepted', 'scheduled', 'queued', 'sending', 'sent')";

    private final JdbcClient jdbc;

    JdbcStaleMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StaleMessage> find(Map<DeliveryStatus, Instant> unchangedSince, Instant polledBefore, int limit) {
        if (unchangedSince.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from (");
        Map<String, Object> params = new HashMap<>();
        int branch = 0;
        for (Map.Entry<DeliveryStatus, Instant> entry : unchangedSince.entrySet()) {
            sql.append(branch == 0 ? "" : " union all ").append(String.format("""
                    (select message_id, org_id, whatsapp_msg_sid, channel, status, created_at, updated_at, polls
                     from messages
                     where status = :s%1$d and status in %2$s and updated_at <= :c%1$d
                       and unconfirmed_at is null and whatsapp_msg_sid is not null
                       and (last_polled_at is null or last_polled_at <= :polledBefore)
                     order by updated_at limit :limit)""", branch, INDEXED));
            params.put("s" + branch, entry.getKey().wireName());
            params.put("c" + branch, Timestamp.from(entry.getValue()));
            branch++;
        }
        sql.append(") stale order by updated_at, message_id limit :limit");
        params.put("polledBefore", Timestamp.from(polledBefore));
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((row, index) -> new StaleMessage(
                MessageId.of(row.getLong("message_id")), OrganizationId.of(row.getLong("org_id")),
                MessageSid.of(row.getString("whatsapp_msg_sid")), Channel.parse(row.getString("channel")),
                DeliveryStatus.fromTwilio(row.getString("status")), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getInt("polls"))).list();
    }

    @Override
    public void markPolled(MessageId id, Instant at) {
        jdbc.sql("update messages set last_polled_at = :at, polls = polls + 1 where message_id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }

    @Override
    public void markUnconfirmed(MessageId id, Instant at) {
        jdbc.sql("update messages set unconfirmed_at = :at where message_id = :id and unconfirmed_at is null")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }
}
