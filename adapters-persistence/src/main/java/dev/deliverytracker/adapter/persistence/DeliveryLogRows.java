package dev.deliverytracker.adapter.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one statement that writes {@code message_delivery_log}: callbacks, polls, Twilio's answers and
 * failed sends all go through it, a batch at a time. Duplicates (the same dedupe key) are absorbed.
 */
@Component
class DeliveryLogRows {

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

    /** One row of the log; the nullable columns are null where the log keeps nothing. */
    record Row(long organization, Long message, String sid, String account, String status, Integer errorCode,
            String errorMessage, String source, String payloadJson, String dedupeKey, String token,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    DeliveryLogRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows whose dedupe key is new (each key at most once); answers those keys. */
    Set<String> insert(List<Row> rows) {
        int size = rows.size();
        Long[] organizations = new Long[size];
        Long[] messageIds = new Long[size];
        String[] sids = new String[size];
        String[] accounts = new String[size];
        String[] statuses = new String[size];
        Integer[] errorCodes = new Integer[size];
        String[] errorMessages = new String[size];
        String[] sources = new String[size];
        String[] payloads = new String[size];
        String[] dedupeKeys = new String[size];
        String[] tokens = new String[size];
        String[] receivedAt = new String[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            organizations[i] = row.organization();
            messageIds[i] = row.message();
            sids[i] = row.sid();
            accounts[i] = row.account();
            statuses[i] = row.status();
            errorCodes[i] = row.errorCode();
            errorMessages[i] = row.errorMessage();
            sources[i] = row.source();
            payloads[i] = row.payloadJson();
            dedupeKeys[i] = row.dedupeKey();
            tokens[i] = row.token();
            // ISO-8601 with its zone, which PostgreSQL reads as timestamptz whatever the JVM's zone.
            receivedAt[i] = row.createdAt().toString();
        }
        return new HashSet<>(jdbc.sql(INSERT_EVENTS)
                .param("organizations", organizations).param("messages", messageIds).param("sids", sids)
                .param("accounts", accounts).param("statuses", statuses).param("errorCodes", errorCodes)
                .param("errorMessages", errorMessages).param("sources", sources).param("payloads", payloads)
                .param("dedupeKeys", dedupeKeys).param("tokens", tokens).param("receivedAt", receivedAt)
                .query(String.class).list());
    }
}
