package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a batch of events in one transaction: one lock statement for the SIDs, one query that
 * locks every message concerned (in id order), one multi-row insert that absorbs duplicates, then
 * the domain's rule on each message and one update per changed message. Lock order is the same as
 * for a single event (SIDs, then message rows, then the insert), so batches and single writes cannot
 * deadlock each other.
 */
@Component
class EventBatchWriter {

    private final JdbcClient jdbc;
    private final MessageJpaRepository messages;
    private final Clock clock;
    private final StoredPayloads payloads;

    EventBatchWriter(JdbcClient jdbc, MessageJpaRepository messages, Clock clock, StoredPayloads payloads) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.payloads = payloads;
    }

    /** Outcomes in the order of {@code batch}; nothing is stored unless all of it is. */
    @Transactional
    public List<RecordOutcome> record(List<ReportedEvent> batch) {
        List<String> sids = batch.stream().map(reported -> reported.event().sid().value()).distinct().sorted().toList();
        // Sorted by hash, so two transactions take their locks in the same order.
        jdbc.sql("""
                select count(pg_advisory_xact_lock(h)) from (
                    select distinct hashtextextended(s, 0) as h from unnest(cast(:sids as text[])) s order by h) locks
                """).param("sids", sids.toArray(new String[0])).query(Long.class).single();
        Messages concerned = lockMessages(batch, sids);

        Map<String, Integer> firstOfKey = new LinkedHashMap<>();
        List<MessageEntity> targets = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ReportedEvent reported = batch.get(i);
            MessageEntity target = concerned.target(reported);
            if (target == null) {
                target = concerned.earlierAttemptOf(reported);
            }
            targets.add(target);
            if (target != null && target.providerSid == null && !concerned.isEarlierAttempt(reported)) {
                // A callback that outran the send answer names the SID first: later events find it by SID.
                concerned.learnSid(target, reported.event().sid().value());
            }
            firstOfKey.putIfAbsent(reported.event().dedupeKey(), i);
        }
        Set<String> inserted = insert(batch, targets, firstOfKey);

        List<RecordOutcome> outcomes = new ArrayList<>();
        Map<Long, Message> current = new HashMap<>();
        Set<MessageEntity> changed = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            DeliveryEvent event = batch.get(i).event();
            boolean first = firstOfKey.get(event.dedupeKey()) == i;
            MessageEntity target = targets.get(i);
            if (!first || !inserted.contains(event.dedupeKey())) {
                outcomes.add(new RecordOutcome.Duplicate(event.sid(), event.status()));
            } else if (target == null) {
                outcomes.add(new RecordOutcome.Unmatched(event.sid(), event.status()));
            } else if (concerned.isEarlierAttempt(batch.get(i))) {
                // History of an attempt that was superseded: kept, but the latest attempt decides the status.
                Message message = current.computeIfAbsent(target.id, id -> MessageMapping.toDomain(target));
                outcomes.add(new RecordOutcome.Recorded(MessageId.of(target.id), event.sid(), event.status(),
                        message.status()));
            } else {
                Message message = current.computeIfAbsent(target.id, id -> MessageMapping.toDomain(target));
                if (message.sid().isEmpty()) {
                    message = message.acceptedAs(event.sid());
                }
                message = message.apply(event);
                current.put(target.id, message);
                changed.add(target);
                outcomes.add(new RecordOutcome.Recorded(MessageId.of(target.id), event.sid(), event.status(),
                        message.status()));
            }
        }
        for (MessageEntity row : changed) {
            MessageMapping.copyState(current.get(row.id), row, clock.instant());
        }
        return outcomes;
    }

    private Messages lockMessages(List<ReportedEvent> batch, List<String> sids) {
        List<Long> ids = new ArrayList<>();
        for (ReportedEvent reported : batch) {
            if (reported.lookup() instanceof MessageLookup.ById byId) {
                ids.add(byId.id().value());
            }
        }
        Map<String, Long> earlierAttempts = new HashMap<>();
        jdbc.sql("select provider_sid, message_id from message_attempts where provider_sid = any(cast(:sids as text[]))")
                .param("sids", sids.toArray(new String[0]))
                .query(row -> {
                    earlierAttempts.put(row.getString("provider_sid"), row.getLong("message_id"));
                });
        ids.addAll(earlierAttempts.values());
        if (ids.isEmpty()) {
            ids.add(-1L);
        }
        return new Messages(messages.lockAll(ids, sids), earlierAttempts);
    }

    private Set<String> insert(List<ReportedEvent> batch, List<MessageEntity> targets, Map<String, Integer> firstOfKey) {
        StringBuilder sql = new StringBuilder("""
                insert into message_delivery_log (org_id, message_id, provider_sid, account_sid, status, error_code,
                    error_message, source, provider_payload, dedupe_key, idempotency_token, created_at) values
                """);
        Map<String, Object> params = new HashMap<>();
        int row = 0;
        for (int i : firstOfKey.values()) {
            ReportedEvent reported = batch.get(i);
            DeliveryEvent event = reported.event();
            MessageEntity target = targets.get(i);
            sql.append(row == 0 ? "" : ",").append(String.format(
                    "(:o%1$d, :m%1$d, :s%1$d, :a%1$d, :st%1$d, :ec%1$d, :em%1$d, :src%1$d, cast(:p%1$d as jsonb), "
                            + ":k%1$d, :t%1$d, :c%1$d)", row));
            params.put("o" + row, target == null ? reported.organization().value() : target.orgId);
            params.put("m" + row, target == null ? null : target.id);
            params.put("s" + row, event.sid().value());
            params.put("a" + row, reported.account().value());
            params.put("st" + row, event.reportedStatus());
            params.put("ec" + row, event.error().isPresent() ? event.error().code() : null);
            params.put("em" + row, event.error().isPresent() ? event.error().message() : null);
            params.put("src" + row, event.source().wireName());
            params.put("p" + row, payloads.json(reported.payload()));
            params.put("k" + row, event.dedupeKey());
            params.put("t" + row, reported.idempotencyToken().isBlank() ? null : reported.idempotencyToken());
            params.put("c" + row, Timestamp.from(event.receivedAt()));
            row++;
        }
        sql.append(" on conflict (dedupe_key) do nothing returning dedupe_key");
        return new HashSet<>(jdbc.sql(sql.toString()).params(params).query(String.class).list());
    }

    /** The locked messages of a batch, found the way a single event finds its own. */
    private static final class Messages {
        private final Map<Long, MessageEntity> byId = new HashMap<>();
        private final Map<String, MessageEntity> bySid = new HashMap<>();
        private final Map<String, Long> earlierAttempts;

        Messages(List<MessageEntity> rows, Map<String, Long> earlierAttempts) {
            this.earlierAttempts = earlierAttempts;
            for (MessageEntity row : rows) {
                byId.put(row.id, row);
                if (row.providerSid != null) {
                    bySid.put(row.providerSid, row);
                }
            }
        }

        /** Only a message of the organization whose account sent the event; never another tenant's. */
        MessageEntity target(ReportedEvent reported) {
            long organization = reported.organization().value();
            String sid = reported.event().sid().value();
            if (reported.lookup() instanceof MessageLookup.ById byOurId) {
                MessageEntity row = byId.get(byOurId.id().value());
                if (row != null && row.orgId == organization && (row.providerSid == null || row.providerSid.equals(sid))) {
                    return row;
                }
            }
            MessageEntity row = bySid.get(sid);
            return row != null && row.orgId == organization ? row : null;
        }

        /** The message whose earlier (superseded) attempt had this SID, if it is of this organization. */
        MessageEntity earlierAttemptOf(ReportedEvent reported) {
            Long id = earlierAttempts.get(reported.event().sid().value());
            MessageEntity row = id == null ? null : byId.get(id);
            return row != null && row.orgId == reported.organization().value() ? row : null;
        }

        boolean isEarlierAttempt(ReportedEvent reported) {
            String sid = reported.event().sid().value();
            return earlierAttempts.containsKey(sid) && !bySid.containsKey(sid);
        }

        void learnSid(MessageEntity row, String sid) {
            bySid.putIfAbsent(sid, row);
        }
    }
}
