package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages and their delivery log in memory, behind one lock, as PostgreSQL holds them behind one
 * transaction. The contract tests run the same promises against this and the real adapter.
 */
public final class InMemoryDeliveryStore implements MessageStore, DeliveryLog, Outbox, FailedMessages {

    private final AtomicLong ids = new AtomicLong();
    private final Map<MessageId, Message> messages = new LinkedHashMap<>();
    private final Map<String, LoggedEvent> log = new LinkedHashMap<>();
    private final Map<MessageId, Entry> outbox = new LinkedHashMap<>();
    private final Map<MessageId, String> fingerprints = new HashMap<>();
    private final Map<MessageSid, MessageId> previousAttempts = new HashMap<>();
    private java.util.function.Function<OrganizationId, Optional<RetryPolicy>> policies = organization -> Optional.empty();

    /** Retry candidates follow these policies, as the real store joins its policy table. */
    public InMemoryDeliveryStore withPolicies(java.util.function.Function<OrganizationId, Optional<RetryPolicy>> policies) {
        this.policies = policies;
        return this;
    }

    private static final class Entry {
        Instant dueAt;
        int attempts;
        Instant claimedUntil;
        Instant firstAttemptAt;
        boolean inDoubt;
        Instant pacedUntil;

        Entry(Instant dueAt) {
            this.dueAt = dueAt;
        }
    }

    /** One row of the log; {@code messageId} is null while the event is unmatched. */
    public record LoggedEvent(DeliveryEvent event, OrganizationId organization, MessageId messageId) {
    }

    @Override
    public synchronized Message add(Message pending) {
        Message stored = pending.withId(MessageId.of(ids.incrementAndGet()));
        messages.put(stored.id().orElseThrow(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Message> find(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public synchronized Optional<Message> find(OrganizationId organization, MessageId id) {
        return find(id).filter(message -> message.organization().equals(organization));
    }

    @Override
    public synchronized Optional<Message> findBySid(MessageSid sid) {
        return messages.values().stream().filter(message -> message.sid().equals(Optional.of(sid))).findFirst();
    }

    @Override
    public synchronized boolean sidTakenElsewhere(MessageSid sid, MessageId message) {
        return findBySid(sid).filter(holder -> !holder.id().orElseThrow().equals(message)).isPresent()
                || previousAttempts.containsKey(sid);
    }

    @Override
    public synchronized RecordOutcome append(ReportedEvent reported) {
        DeliveryEvent event = reported.event();
        if (log.containsKey(event.dedupeKey())) {
            return new RecordOutcome.Duplicate(event.sid(), event.status());
        }
        Optional<Message> target = reported.lookup() instanceof MessageLookup.ById byId
                ? find(reported.organization(), byId.id())
                        .filter(message -> message.sid().map(event.sid()::equals).orElse(true))
                : Optional.empty();
        target = target.or(() -> findBySid(event.sid())
                .filter(message -> message.organization().equals(reported.organization())));
        Optional<Message> earlierAttemptOf = Optional.ofNullable(previousAttempts.get(event.sid()))
                .flatMap(id -> find(reported.organization(), id));
        if (target.isEmpty() && earlierAttemptOf.isPresent()) {
            // A late report on an earlier attempt: history, but the latest attempt decides the status.
            Message message = earlierAttemptOf.get();
            log.put(event.dedupeKey(), new LoggedEvent(event, message.organization(), message.id().orElseThrow()));
            return new RecordOutcome.Recorded(message.id().orElseThrow(), event.sid(), event.status(), message.status());
        }
        if (target.isEmpty()) {
            log.put(event.dedupeKey(), new LoggedEvent(event, reported.organization(), null));
            return new RecordOutcome.Unmatched(event.sid(), event.status());
        }
        Message message = target.get();
        if (message.sid().isEmpty()) {
            message = message.acceptedAs(event.sid());
        }
        Message moved = message.apply(event);
        MessageId id = moved.id().orElseThrow();
        messages.put(id, moved);
        log.put(event.dedupeKey(), new LoggedEvent(event, moved.organization(), id));
        return new RecordOutcome.Recorded(id, event.sid(), event.status(), moved.status());
    }

    @Override
    public synchronized Message accepted(MessageId id, DeliveryEvent firstStatus) {
        Message message = find(id).orElseThrow(() -> new IllegalStateException("no message " + id));
        if (message.sid().isEmpty() || !message.sid().get().equals(firstStatus.sid())) {
            message = message.acceptedAs(firstStatus.sid());
        }
        log.putIfAbsent(firstStatus.dedupeKey(), new LoggedEvent(firstStatus, message.organization(), null));
        for (Map.Entry<String, LoggedEvent> entry : new HashMap<>(log).entrySet()) {
            LoggedEvent logged = entry.getValue();
            boolean ours = logged.event().sid().equals(firstStatus.sid())
                    && logged.organization().equals(message.organization());
            if (ours && (logged.messageId() == null || logged.messageId().equals(id))) {
                message = message.apply(logged.event());
                log.put(entry.getKey(), new LoggedEvent(logged.event(), logged.organization(), id));
            }
        }
        messages.put(id, message);
        outbox.remove(id);
        return message;
    }

    @Override
    public synchronized Message sendFailed(MessageId id, DeliveryError failure, Instant at) {
        Message failed = find(id).orElseThrow(() -> new IllegalStateException("no message " + id)).sendFailed(failure, at);
        messages.put(id, failed);
        outbox.remove(id);
        return failed;
    }

    @Override
    public synchronized Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt) {
        Optional<Message> earlier = pending.idempotencyKey().flatMap(key -> messages.values().stream()
                .filter(message -> message.organization().equals(pending.organization()))
                .filter(message -> message.idempotencyKey().equals(Optional.of(key))).findFirst());
        if (earlier.isPresent()) {
            return new Enqueued(earlier.get(), false, fingerprints.get(earlier.get().id().orElseThrow()));
        }
        Message stored = add(pending);
        fingerprints.put(stored.id().orElseThrow(), requestFingerprint);
        outbox.put(stored.id().orElseThrow(), new Entry(dueAt));
        return new Enqueued(stored, true, requestFingerprint);
    }

    @Override
    public synchronized List<Claim> claimDue(int limit, Instant now, Duration lease) {
        List<Claim> claims = new ArrayList<>();
        for (Map.Entry<MessageId, Entry> waiting : outbox.entrySet()) {
            Entry entry = waiting.getValue();
            boolean free = entry.claimedUntil == null || !entry.claimedUntil.isAfter(now);
            if (claims.size() < limit && free && !entry.dueAt.isAfter(now)) {
                entry.inDoubt = entry.inDoubt || entry.claimedUntil != null;
                entry.attempts++;
                entry.claimedUntil = now.plus(lease);
                entry.firstAttemptAt = entry.firstAttemptAt == null ? now : entry.firstAttemptAt;
                claims.add(new Claim(messages.get(waiting.getKey()), entry.attempts, entry.inDoubt,
                        entry.firstAttemptAt, entry.pacedUntil != null));
            }
        }
        return claims;
    }

    @Override
    public synchronized Optional<Message> retry(MessageId id, Instant dueAt) {
        Message message = messages.get(id);
        if (message == null || !message.status().isFailure()) {
            return Optional.empty();
        }
        message.sid().ifPresent(sid -> previousAttempts.put(sid, id));
        Message again = message.startNewAttempt();
        messages.put(id, again);
        outbox.put(id, new Entry(dueAt));
        return Optional.of(again);
    }

    @Override
    public synchronized List<Message> retryCandidates(Set<Integer> errorCodes, Instant failedBefore,
            RetryPolicy defaults, int limit) {
        return messages.values().stream().filter(message -> message.status().isFailure())
                .filter(message -> policies.apply(message.organization()).orElse(defaults).enabled())
                .filter(message -> message.attempts()
                        < policies.apply(message.organization()).orElse(defaults).maxAttempts())
                .filter(message -> errorCodes.contains(message.error().code()))
                .filter(message -> message.milestones().at(Milestone.FAILED).map(at -> !at.isAfter(failedBefore))
                        .orElse(false))
                .sorted(Comparator.comparing(message -> message.milestones().at(Milestone.FAILED).orElseThrow()))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Message> ofOrganization(OrganizationId organization, int errorCode, Instant since,
            int limit) {
        return messages.values().stream().filter(message -> message.organization().equals(organization))
                .filter(message -> message.status().isFailure())
                .filter(message -> errorCode == 0 || message.error().code() == errorCode)
                .filter(message -> message.milestones().at(Milestone.FAILED).map(at -> !at.isBefore(since)).orElse(false))
                .limit(limit).toList();
    }

    @Override
    public synchronized void retryLater(MessageId id, Instant dueAt, String reason, boolean inDoubt) {
        Entry entry = outbox.get(id);
        entry.dueAt = dueAt;
        entry.claimedUntil = null;
        entry.inDoubt = inDoubt;
        entry.pacedUntil = null;
    }

    @Override
    public synchronized void pace(MessageId id, Instant until) {
        Entry entry = outbox.get(id);
        entry.attempts--;
        entry.firstAttemptAt = entry.attempts == 0 ? null : entry.firstAttemptAt;
        entry.dueAt = until;
        entry.pacedUntil = until;
        entry.claimedUntil = null;
    }

    @Override
    public synchronized Optional<Instant> pacedUntil(MessageId id) {
        return Optional.ofNullable(outbox.get(id)).map(entry -> entry.pacedUntil);
    }

    public synchronized boolean isWaiting(MessageId id) {
        return outbox.containsKey(id);
    }

    @Override
    public synchronized List<DeliveryEvent> history(MessageId id) {
        List<DeliveryEvent> events = new ArrayList<>();
        log.values().stream().filter(logged -> id.equals(logged.messageId())).map(LoggedEvent::event)
                .forEach(events::add);
        return events;
    }
}
