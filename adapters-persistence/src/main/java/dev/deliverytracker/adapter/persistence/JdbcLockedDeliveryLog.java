package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.LockedDeliveryLog;
import dev.deliverytracker.application.port.out.LockedMessages;
import dev.deliverytracker.application.port.out.LogEntry;
import dev.deliverytracker.application.port.out.UnmatchedEvent;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log's facts on PostgreSQL, inside the transaction of whoever calls (the group-commit
 * writer, the acceptance of a send): each method is one statement whose text never changes, so a batch
 * costs the same round of statements whatever its size. Locks are taken in one order: advisory locks
 * on the SIDs (so a callback that finds no message and the send answer that stores that SID cannot
 * miss each other), then the message rows in id order, then the log insert. The row lock before the
 * insert matters: the insert's foreign key check takes a key-share lock on the message, and two
 * callbacks each holding one while waiting for the row lock would deadlock.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class JdbcLockedDeliveryLog implements LockedDeliveryLog {

    private final JdbcClient jdbc;
    private final MessageStateRows rows;
    private final DeliveryLogRows log;
    private final StoredPayloads payloads;
    private final Clock clock;

    JdbcLockedDeliveryLog(JdbcClient jdbc, MessageStateRows rows, DeliveryLogRows log, StoredPayloads payloads,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.log = log;
        this.payloads = payloads;
        this.clock = clock;
    }

    @Override
    public LockedMessages lock(Set<MessageSid> sids, Set<MessageId> ids) {
        String[] sidValues = sids.stream().map(MessageSid::value).sorted().toArray(String[]::new);
        // Sorted by hash, so two transactions take their locks in the same order.
        jdbc.sql("""
                select count(pg_advisory_xact_lock(h)) from (
                    select distinct hashtextextended(s, 0) as h from unnest(cast(:sids as text[])) s order by h) locks
                """).param("sids", sidValues).query(Long.class).single();
        Map<MessageSid, MessageId> earlierAttempts = new HashMap<>();
        jdbc.sql("select provider_sid, message_id from message_attempts where provider_sid = any(cast(:sids as text[]))")
                .param("sids", sidValues)
                .query(row -> {
                    earlierAttempts.put(MessageSid.of(row.getString("provider_sid")),
                            MessageId.of(row.getLong("message_id")));
                });
        List<Long> messageIds = new ArrayList<>();
        ids.forEach(id -> messageIds.add(id.value()));
        earlierAttempts.values().forEach(id -> messageIds.add(id.value()));
        if (messageIds.isEmpty()) {
            messageIds.add(-1L);
        }
        List<Message> locked = new ArrayList<>();
        Set<MessageSid> incoming = new HashSet<>();
        for (MessageRow row : rows.lock(messageIds, List.of(sidValues))) {
            if (MessageRow.INCOMING.equals(row.direction)) {
                incoming.add(MessageSid.of(row.providerSid));
            } else {
                locked.add(MessageMapping.toDomain(row));
            }
        }
        return new LockedMessages(locked, earlierAttempts, incoming);
    }

    @Override
    public Message lockForAcceptance(MessageId id, MessageSid sid) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:sid, 0))").param("sid", sid.value())
                .query().singleValue();
        List<MessageRow> locked = rows.lock(List.of(id.value()), List.of()).stream()
                .filter(row -> !MessageRow.INCOMING.equals(row.direction)).toList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("no message " + id + " to accept");
        }
        return MessageMapping.toDomain(locked.get(0));
    }

    @Override
    public List<Message> adopt(List<Message> adopted) {
        List<Message> stored = new ArrayList<>(adopted.size());
        for (Message message : adopted) {
            MessageRow row = MessageMapping.newRow(message);
            long id = jdbc.sql("""
                    insert into messages (org_id, channel, to_address, from_address, messaging_service_sid, tags,
                        whatsapp_msg_sid, status, attempts, created_at, updated_at, origin)
                    values (:org, :channel, :to, :from, :service, '{}'::jsonb, :sid, :status, :attempts, :createdAt,
                        :createdAt, :origin)
                    returning message_id
                    """)
                    .param("org", row.orgId).param("channel", row.channel).param("to", row.toAddress)
                    .param("from", row.fromAddress).param("service", row.messagingServiceSid)
                    .param("sid", row.providerSid).param("status", row.status).param("attempts", row.attempts)
                    .param("createdAt", Timestamp.from(row.createdAt)).param("origin", row.origin)
                    .query(Long.class).single();
            stored.add(message.withId(MessageId.of(id)));
        }
        return stored;
    }

    @Override
    public void describe(Message message) {
        MessageRow row = MessageMapping.newRow(message);
        jdbc.sql("""
                update messages set body = :body, content_sid = :contentSid,
                    content_variables = cast(:variables as jsonb), tags = cast(:tags as jsonb), created_at = :createdAt
                where message_id = :id
                """).param("body", row.body).param("contentSid", row.contentSid)
                .param("variables", row.contentVariables == null ? null : StringMapJson.write(row.contentVariables))
                .param("tags", StringMapJson.write(row.tags)).param("createdAt", Timestamp.from(row.createdAt))
                .param("id", message.id().orElseThrow().value()).update();
    }

    @Override
    public Set<String> insert(List<LogEntry> entries) {
        return log.insert(entries.stream().map(this::row).toList());
    }

    @Override
    public List<UnmatchedEvent> unmatched(MessageSid sid) {
        return jdbc.sql("""
                select org_id, provider_sid, status, error_code, error_message, source, created_at
                from message_delivery_log where provider_sid = :sid and message_id is null
                """).param("sid", sid.value())
                .query((row, index) -> new UnmatchedEvent(event(row), OrganizationId.of(row.getLong("org_id"))))
                .list();
    }

    @Override
    public void attach(MessageId id, List<UnmatchedEvent> events) {
        jdbc.sql("update message_delivery_log set message_id = :message where dedupe_key = any(cast(:keys as text[]))")
                .param("message", id.value())
                .param("keys", events.stream().map(early -> early.event().dedupeKey()).toArray(String[]::new))
                .update();
    }

    @Override
    public void write(Collection<Message> messages) {
        Instant now = clock.instant();
        List<MessageRow> changed = new ArrayList<>(messages.size());
        for (Message message : messages) {
            MessageRow row = new MessageRow();
            row.id = message.id().orElseThrow().value();
            MessageMapping.copyState(message, row, now);
            changed.add(row);
        }
        rows.writeState(changed);
    }

    private DeliveryLogRows.Row row(LogEntry entry) {
        DeliveryEvent event = entry.event();
        DeliveryError error = event.error();
        return new DeliveryLogRows.Row(entry.organization().value(),
                entry.message().map(MessageId::value).orElse(null), event.sid().value(),
                entry.account().map(account -> account.value()).orElse(null), event.reportedStatus(),
                error.isPresent() ? error.code() : null, error.isPresent() ? error.message() : null,
                event.source().wireName(), payloads.json(entry.payload()), event.dedupeKey(),
                entry.idempotencyToken().isBlank() ? null : entry.idempotencyToken(), event.receivedAt());
    }

    /** An event as the log keeps it. */
    static DeliveryEvent event(ResultSet row) throws SQLException {
        int errorCode = row.getInt("error_code");
        DeliveryError error = row.wasNull() || errorCode == 0 ? DeliveryError.NONE
                : DeliveryError.of(errorCode, row.getString("error_message"));
        return new DeliveryEvent(MessageSid.of(row.getString("provider_sid")), row.getString("status"), error,
                EventSource.parse(row.getString("source")), row.getTimestamp("created_at").toInstant());
    }
}
