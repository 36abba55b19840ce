package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
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
 * locks every message concerned (in id order), one insert that absorbs duplicates, then the domain's
 * rule on each message and one update for all the changed ones. Every statement has the same text
 * whatever the batch size (arrays, not value lists), so PostgreSQL plans each once per connection.
 * Lock order is the same as for a single event (SIDs, then message rows, then the insert), so batches
 * and single writes cannot deadlock each other.
 */
@Component
class EventBatchWriter {

    // One statement text for every batch size: arrays, not a values list, so it is planned once.
    private static final String INSERT_EVENTS = """
            insert into message_delivery_log (org_id, message_id, provider_sid, account_sid, status, error_code,
                error_message, source, provider_payload, dedupe_key, idempotency_token, created_at)
            select org_id, message_id, provider_sid, account_sid, status, error_code, error_message, source,
                cast(payload as jsonb), dedupe_key, idempotency_token, created_at
            from unnest(cast(:organizations as bigint[]), cast(:messages as bigint[]), cast(:sids as text[]),
                cast(:accounts as text[]), cast(:statuses as text[]), cast(:errorCodes as integer[]),
                cast(:errorMessages as text[]), cast(:sources as text[]), cast(:payloads as text[]),
                cast(:dedupeKeys as text[]), cast(:tokens as text[]), cast(:receivedAt as timestamptz[]))
                as e(org_id, message_id, provider_sid, account_sid, status, error_code, error_message, source,
                     payload, dedupe_key, idempotency_token, created_at)
            on conflict (dedupe_key) do nothing
            returning dedupe_key
            """;

    private final JdbcClient jdbc;
    private final MessageStateRows rows;
    private final Clock clock;
    private final StoredPayloads payloads;

    EventBatchWriter(JdbcClient jdbc, MessageStateRows rows, Clock clock, StoredPayloads payloads) {
        this.jdbc = jdbc;
        this.rows = rows;
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
        rows.writeState(changed);
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
        return new Messages(rows.lock(ids, sids), earlierAttempts);
    }

    private Set<String> insert(List<ReportedEvent> batch, List<MessageEntity> targets, Map<String, Integer> firstOfKey) {
        int size = firstOfKey.size();
        Long[] organizations = new Long[size];
        Long[] messageIds = new Long[size];
        String[] sids = new String[size];
        String[] accounts = new String[size];
        String[] statuses = new String[size];
        Integer[] errorCodes = new Integer[size];
        String[] errorMessages = new String[size];
        String[] sources = new String[size];
        String[] payloadJson = new String[size];
        String[] dedupeKeys = new String[size];
        String[] tokens = new String[size];
        String[] receivedAt = new String[size];
        int row = 0;
        for (int i : firstOfKey.values()) {
            ReportedEvent reported = batch.get(i);
            DeliveryEvent event = reported.event();
            MessageEntity target = targets.get(i);
            organizations[row] = target == null ? reported.organization().value() : target.orgId;
            messageIds[row] = target == null ? null : target.id;
            sids[row] = event.sid().value();
            accounts[row] = reported.account().value();
            statuses[row] = event.reportedStatus();
            errorCodes[row] = event.error().isPresent() ? event.error().code() : null;
            errorMessages[row] = event.error().isPresent() ? event.error().message() : null;
            sources[row] = event.source().wireName();
            payloadJson[row] = payloads.json(reported.payload());
            dedupeKeys[row] = event.dedupeKey();
            tokens[row] = reported.idempotencyToken().isBlank() ? null : reported.idempotencyToken();
            receivedAt[row] = event.receivedAt().toString();
            row++;
        }
        return new HashSet<>(jdbc.sql(INSERT_EVENTS)
                .param("organizations", organizations).param("messages", messageIds).param("sids", sids)
                .param("accounts", accounts).param("statuses", statuses).param("errorCodes", errorCodes)
                .param("errorMessages", errorMessages).param("sources", sources).param("payloads", payloadJson)
                .param("dedupeKeys", dedupeKeys).param("tokens", tokens).param("receivedAt", receivedAt)
                .query(String.class).list());
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
