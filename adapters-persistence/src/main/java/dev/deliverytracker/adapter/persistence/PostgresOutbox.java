package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on PostgreSQL. Claims use {@code FOR UPDATE SKIP LOCKED} and then hold a lease in the
 * row, so the send itself happens outside any transaction and no connection waits on Twilio.
 */
@Component
class PostgresOutbox implements Outbox, MeterBinder {

    // One round trip for the send API: the message and its place in the outbox, in one statement.
    private static final String INSERT_MESSAGE_AND_OUTBOX = """
            with message as (
                insert into messages (org_id, channel, to_address, from_address, messaging_service_sid, body,
                    content_sid, content_variables, tags, status, attempts, idempotency_key, request_fingerprint,
                    created_at, updated_at, status_callback)
                values (:org, :channel, :to, :from, :service, :body, :contentSid, cast(:variables as jsonb),
                    cast(:tags as jsonb), :status, :attempts, :idempotencyKey, :fingerprint, :createdAt, :updatedAt,
                    :statusCallback)
                returning message_id, org_id)
            insert into message_outbox (message_id, org_id, due_at)
            select message_id, org_id, :due from message
            returning message_id
            """;

    private final JdbcClient jdbc;
    private final MessageStateRows rows;

    private final Clock clock;
    private final TransactionTemplate transactions;

    PostgresOutbox(JdbcClient jdbc, MessageStateRows rows, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * {@code tracker.outbox.lag}: how long the oldest message due for dispatch (and not held by a
     * dispatcher) has waited past its due time, 0 when none waits. Read at each scrape: one query on
     * the due-time index. A growing lag means dispatchers are stopped, too few, or failing.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.outbox.lag", this, PostgresOutbox::lagSeconds).baseUnit("seconds")
                .description("How long the oldest message due for dispatch has waited past its due time")
                .register(registry);
    }

    double lagSeconds() {
        Instant now = clock.instant();
        try {
            return jdbc.sql("""
                    select due_at from message_outbox
                    where due_at <= :now and (claimed_until is null or claimed_until <= :now)
                    order by due_at limit 1
                    """).param("now", Timestamp.from(now)).query(Timestamp.class).optional()
                    .map(due -> Math.max(0, Duration.between(due.toInstant(), now).toMillis() / 1000.0)).orElse(0.0);
        } catch (DataAccessException unreachable) {
            // No figure rather than a wrong one; the health endpoint tells why.
            return Double.NaN;
        }
    }

    @Override
    public Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt,
            Optional<URI> statusCallback) {
        if (pending.id().isPresent() || pending.status() != DeliveryStatus.PENDING) {
            // The insert below writes a new message's columns only: no SID, no milestones, no error.
            throw new IllegalArgumentException("only a new pending message is enqueued, not " + pending);
        }
        Optional<String> key = pending.idempotencyKey();
        if (key.isEmpty()) {
            // One statement is atomic on its own: no transaction to begin and commit around it, one
            // round trip for the whole request (the send API's most common case).
            return inserted(pending, requestFingerprint, dueAt, statusCallback);
        }
        return transactions.execute(status -> {
            // Two requests with the same key at the same moment: the second waits here and finds the first.
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", pending.organization() + ":" + key.get()).query().singleValue();
            Optional<MessageRow> earlier = rows.byIdempotencyKey(pending.organization().value(), key.get());
            if (earlier.isPresent()) {
                return new Enqueued(MessageMapping.toDomain(earlier.get()), false, earlier.get().requestFingerprint);
            }
            return inserted(pending, requestFingerprint, dueAt, statusCallback);
        });
    }

    private Enqueued inserted(Message pending, String requestFingerprint, Instant dueAt,
            Optional<URI> statusCallback) {
        MessageRow row = MessageMapping.newRow(pending);
        long id = jdbc.sql(INSERT_MESSAGE_AND_OUTBOX)
                .param("org", row.orgId).param("channel", row.channel).param("to", row.toAddress)
                .param("from", row.fromAddress).param("service", row.messagingServiceSid).param("body", row.body)
                .param("contentSid", row.contentSid).param("variables", StringMapJson.write(row.contentVariables))
                .param("tags", StringMapJson.write(row.tags)).param("status", row.status)
                .param("attempts", row.attempts)
                .param("idempotencyKey", row.idempotencyKey).param("fingerprint", requestFingerprint)
                .param("createdAt", Timestamp.from(row.createdAt)).param("updatedAt", Timestamp.from(row.updatedAt))
                .param("due", Timestamp.from(dueAt))
                .param("statusCallback", statusCallback.map(URI::toString).orElse(null))
                .query(Long.class).single();
        return new Enqueued(pending.withId(MessageId.of(id)), true, requestFingerprint);
    }

    @Override
    @Transactional
    public List<Claim> claimDue(int limit, Instant now, Duration lease) {
        List<ClaimedRow> claimed = jdbc.sql("""
                update message_outbox o
                set attempts = o.attempts + 1,
                    in_doubt = o.in_doubt or o.claimed_until is not null,
                    claimed_until = :leaseEnd,
                    first_attempted_at = coalesce(o.first_attempted_at, :now)
                where o.message_id in (
                    select message_id from message_outbox
                    where due_at <= :now and (claimed_until is null or claimed_until <= :now)
                    order by due_at
                    limit :limit
                    for update skip locked)
                returning o.message_id, o.attempts, o.in_doubt, o.first_attempted_at, o.paced_until is not null as paced
                """)
                .param("now", Timestamp.from(now)).param("leaseEnd", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((row, index) -> new ClaimedRow(row.getLong("message_id"), row.getInt("attempts"),
                        row.getBoolean("in_doubt"), row.getTimestamp("first_attempted_at").toInstant(),
                        row.getBoolean("paced")))
                .list();
        // One query for the claim's messages; the outbox row's foreign key guarantees each exists.
        Map<Long, MessageRow> byId = rows.byIds(claimed.stream().map(ClaimedRow::messageId).toList());
        return claimed.stream().map(row -> new Claim(MessageMapping.toDomain(byId.get(row.messageId())),
                row.attempt(), row.inDoubt(), row.firstAttemptAt(), row.paced())).toList();
    }

    @Override
    @Transactional
    public Optional<Message> retry(MessageId id, Instant dueAt) {
        List<MessageRow> locked = rows.lock(List.of(id.value()), List.of());
        if (locked.isEmpty() || !MessageMapping.toDomain(locked.get(0)).status().isFailure()) {
            return Optional.empty();
        }
        MessageRow row = locked.get(0);
        jdbc.sql("""
                insert into message_attempts (message_id, attempt, org_id, provider_sid, status, error_code,
                    error_message, ended_at)
                select :message, coalesce(max(attempt), 0) + 1, :org, :sid, :status, :errorCode, :errorMessage, :endedAt
                from message_attempts where message_id = :message
                """)
                .param("message", row.id).param("org", row.orgId).param("sid", row.providerSid)
                .param("status", row.status).param("errorCode", row.errorCode).param("errorMessage", row.errorMessage)
                .param("endedAt", Timestamp.from(row.failedAt != null ? row.failedAt : clock.instant())).update();
        Message again = MessageMapping.toDomain(row).startNewAttempt();
        MessageMapping.copyState(again, row, clock.instant());
        rows.writeState(List.of(row));
        jdbc.sql("""
                insert into message_outbox (message_id, org_id, due_at) values (:message, :org, :due)
                on conflict (message_id) do update set due_at = excluded.due_at, attempts = 0, claimed_until = null,
                    in_doubt = false, first_attempted_at = null, last_error = null, paced_until = null
                """)
                .param("message", row.id).param("org", row.orgId).param("due", Timestamp.from(dueAt)).update();
        return Optional.of(again);
    }

    @Override
    @Transactional
    public void retryLater(MessageId id, Instant dueAt, String reason, boolean inDoubt) {
        jdbc.sql("""
                update message_outbox set due_at = :due, claimed_until = null, in_doubt = :inDoubt,
                    last_error = :reason, paced_until = null
                where message_id = :message
                """)
                .param("due", Timestamp.from(dueAt)).param("inDoubt", inDoubt).param("reason", reason)
                .param("message", id.value()).update();
    }

    /** The claim is undone as an attempt: waiting for a place in the pace must not use up the attempts. */
    @Override
    @Transactional
    public void pace(MessageId id, Instant until) {
        jdbc.sql("""
                update message_outbox set due_at = :until, paced_until = :until, claimed_until = null,
                    attempts = attempts - 1,
                    first_attempted_at = case when attempts - 1 = 0 then null else first_attempted_at end
                where message_id = :message
                """)
                .param("until", Timestamp.from(until)).param("message", id.value()).update();
    }

    @Override
    @Transactional
    public void hold(MessageId id, Instant until, String reason) {
        jdbc.sql("""
                update message_outbox set due_at = :until, paced_until = null, claimed_until = null,
                    attempts = attempts - 1, last_error = :reason,
                    first_attempted_at = case when attempts - 1 = 0 then null else first_attempted_at end
                where message_id = :message
                """)
                .param("until", Timestamp.from(until)).param("reason", reason).param("message", id.value()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> pacedUntil(MessageId id) {
        return jdbc.sql("select paced_until from message_outbox where message_id = :message and paced_until is not null")
                .param("message", id.value()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private record ClaimedRow(long messageId, int attempt, boolean inDoubt, Instant firstAttemptAt, boolean paced) {
    }
}
