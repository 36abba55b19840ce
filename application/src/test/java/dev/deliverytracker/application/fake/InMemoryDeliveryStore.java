package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.LockedDeliveryLog;
import dev.deliverytracker.application.port.out.LockedMessages;
import dev.deliverytracker.application.port.out.LogEntry;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.UnmatchedEvent;
import dev.deliverytracker.application.service.attribution.EventRecording;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages and their delivery log in memory, behind one lock, as PostgreSQL holds them behind one
 * transaction. What an event means is not decided here: like the PostgreSQL adapter, this store only
 * hands facts to {@link EventRecording} and keeps what it decided. The contract tests run the same
 * promises against this and the real adapter.
 */
public final class InMemoryDeliveryStore implements MessageStore, DeliveryLog, Outbox, FailedMessages {

    private final AtomicLong ids = new AtomicLong();
    private final Map<MessageId, Message> messages = new LinkedHashMap<>();
    private final Map<String, LoggedEvent> log = new LinkedHashMap<>();
    private final Map<MessageId, Entry> outbox = new LinkedHashMap<>();
    private final Map<MessageId, String> fingerprints = new HashMap<>();
    private final Map<MessageSid, MessageId> previousAttempts = new HashMap<>();
    private final Facts locked = new Facts();
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

    public synchronized Message add(Message pending) {
        Message stored = pending.withId(MessageId.of(ids.incrementAndGet()));
        messages.put(stored.id().orElseThrow(), stored);
        return stored;
    }

    public synchronized Optional<Message> find(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public synchronized Optional<Message> find(OrganizationId organization, MessageId id) {
        return find(id).filter(message -> message.organization().equals(organization));
    }

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
        return EventRecording.record(List.of(reported), locked).get(0);
    }

    @Override
    public synchronized Message accepted(MessageId id, DeliveryEvent firstStatus) {
        Message message = EventRecording.accept(id, firstStatus, locked);
        outbox.remove(id);
        return message;
    }

    @Override
    public synchronized Message register(Message registration) {
        return EventRecording.register(registration, locked);
    }

    @Override
    public synchronized Message sendFailed(MessageId id, DeliveryError failure, Instant at) {
        Message failed = find(id).orElseThrow(() -> new IllegalStateException("no message " + id)).sendFailed(failure, at);
        messages.put(id, failed);
        outbox.remove(id);
        return failed;
    }

    @Override
    public synchronized Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt,
            Optional<java.net.URI> statusCallback) {
        Optional<Message> earlier = pending.idempotencyKey().flatMap(key -> messages.values().stream()
                .filter(message -> message.organization().equals(pending.organization()))
                .filter(message -> message.idempotencyKey().equals(Optional.of(key))).findFirst());
        if (earlier.isPresent()) {
            return new Enqueued(earlier.get(), false, fingerprints.get(earlier.get().id().orElseThrow()));
        }
        Message stored = add(pending);
        fingerprints.put(stored.id().orElseThrow(), requestFingerprint);
        statusCallback.ifPresent(url -> statusCallbacks.put(stored.id().orElseThrow(), url));
        outbox.put(stored.id().orElseThrow(), new Entry(dueAt));
        return new Enqueued(stored, true, requestFingerprint);
    }

    /** The status callback the message was stored with, if any. */
    public synchronized Optional<java.net.URI> statusCallbackOf(MessageId id) {
        return Optional.ofNullable(statusCallbacks.get(id));
    }

    private final Map<MessageId, java.net.URI> statusCallbacks = new java.util.HashMap<>();

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
    public synchronized void hold(MessageId id, Instant until, String reason) {
        Entry entry = outbox.get(id);
        entry.attempts--;
        entry.firstAttemptAt = entry.attempts == 0 ? null : entry.firstAttemptAt;
        entry.dueAt = until;
        entry.pacedUntil = null;
        entry.claimedUntil = null;
    }

    @Override
    public synchronized Optional<Instant> pacedUntil(MessageId id) {
        return Optional.ofNullable(outbox.get(id)).map(entry -> entry.pacedUntil);
    }

    public synchronized boolean isWaiting(MessageId id) {
        return outbox.containsKey(id);
    }

    public synchronized List<DeliveryEvent> history(MessageId id) {
        List<DeliveryEvent> events = new ArrayList<>();
        log.values().stream().filter(logged -> id.equals(logged.messageId())).map(LoggedEvent::event)
                .forEach(events::add);
        return events;
    }

    /** The facts the shared recording steps ask for, read and written while this store's monitor is held. */
    private final class Facts implements LockedDeliveryLog {

        @Override
        public LockedMessages lock(Set<MessageSid> sids, Set<MessageId> ids) {
            Map<MessageSid, MessageId> earlier = new HashMap<>();
            previousAttempts.forEach((sid, id) -> {
                if (sids.contains(sid)) {
                    earlier.put(sid, id);
                }
            });
            List<Message> concerned = messages.values().stream()
                    .filter(message -> ids.contains(message.id().orElseThrow())
                            || earlier.containsValue(message.id().orElseThrow())
                            || message.sid().map(sids::contains).orElse(false))
                    .toList();
            return new LockedMessages(concerned, earlier);
        }

        @Override
        public Message lockForAcceptance(MessageId id, MessageSid sid) {
            return find(id).orElseThrow(() -> new IllegalStateException("no message " + id));
        }

        @Override
        public void describe(Message message) {
            messages.put(message.id().orElseThrow(), message);
        }

        @Override
        public List<Message> adopt(List<Message> adopted) {
            return adopted.stream().map(InMemoryDeliveryStore.this::add).toList();
        }

        @Override
        public Set<String> insert(List<LogEntry> entries) {
            Set<String> inserted = new HashSet<>();
            for (LogEntry entry : entries) {
                if (!log.containsKey(entry.dedupeKey())) {
                    log.put(entry.dedupeKey(), new LoggedEvent(entry.event(), entry.organization(),
                            entry.message().orElse(null)));
                    inserted.add(entry.dedupeKey());
                }
            }
            return inserted;
        }

        @Override
        public List<UnmatchedEvent> unmatched(MessageSid sid) {
            return log.values().stream()
                    .filter(logged -> logged.messageId() == null && logged.event().sid().equals(sid))
                    .map(logged -> new UnmatchedEvent(logged.event(), logged.organization())).toList();
        }

        @Override
        public void attach(MessageId id, List<UnmatchedEvent> events) {
            for (UnmatchedEvent event : events) {
                LoggedEvent logged = log.get(event.event().dedupeKey());
                log.put(event.event().dedupeKey(), new LoggedEvent(logged.event(), logged.organization(), id));
            }
        }

        @Override
        public void write(Collection<Message> changed) {
            changed.forEach(message -> messages.put(message.id().orElseThrow(), message));
        }
    }
}
