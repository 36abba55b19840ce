package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.UnpricedMessage;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Messages the test declares final or still open, with what was learnt of their price. */
public final class InMemoryMessageCharges implements MessageCharges {

    private final AtomicLong ids = new AtomicLong(70_000);
    private final Map<MessageId, Entry> messages = new LinkedHashMap<>();

    private static final class Entry {
        UnpricedMessage message;
        boolean finished;
        String body;
        Integer segments;
        Charge charge;
        Instant askedAt;
    }

    /** A message whose status became final at {@code lastChange}; {@code body} null for one we did not send. */
    public synchronized MessageId finished(OrganizationId organization, MessageSid sid, Instant lastChange,
            String body) {
        return add(organization, sid, lastChange, body, true);
    }

    /** A message still on its way: never a candidate. */
    public synchronized MessageId open(OrganizationId organization, MessageSid sid, Instant lastChange) {
        return add(organization, sid, lastChange, "hello", false);
    }

    @Override
    public synchronized Optional<MessageFacts> find(MessageId id) {
        Entry entry = messages.get(id);
        return entry == null || entry.askedAt == null ? Optional.empty()
                : Optional.of(new MessageFacts(entry.segments, entry.charge, entry.body));
    }

    private MessageId add(OrganizationId organization, MessageSid sid, Instant lastChange, String body,
            boolean finished) {
        MessageId id = MessageId.of(ids.incrementAndGet());
        Entry entry = new Entry();
        entry.message = new UnpricedMessage(id, organization, sid, lastChange);
        entry.finished = finished;
        entry.body = body;
        messages.put(id, entry);
        return id;
    }

    @Override
    public synchronized List<UnpricedMessage> findUnpriced(Instant changedBefore, Instant changedSince, Instant askedBefore,
            int limit) {
        return messages.values().stream()
                .filter(entry -> entry.finished && entry.charge == null)
                .filter(entry -> entry.message.lastChange().isBefore(changedBefore)
                        && !entry.message.lastChange().isBefore(changedSince))
                .filter(entry -> entry.askedAt == null || entry.askedAt.isBefore(askedBefore))
                .sorted(Comparator.comparing((Entry entry) -> entry.askedAt == null ? entry.message.lastChange()
                        : entry.askedAt).thenComparing(entry -> entry.message.id().value()))
                .map(entry -> entry.message)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void record(MessageId id, MessageFacts facts, Instant at) {
        Entry entry = Optional.ofNullable(messages.get(id))
                .orElseThrow(() -> new IllegalArgumentException("no message " + id));
        entry.askedAt = at;
        if (facts.segments() != null) {
            entry.segments = facts.segments();
        }
        if (facts.charge() != null) {
            entry.charge = facts.charge();
        }
        if (entry.body == null && facts.body() != null) {
            entry.body = facts.body();
        }
    }
}
