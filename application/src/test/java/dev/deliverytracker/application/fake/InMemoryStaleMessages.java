package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.StaleMessage;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciler's view of an {@link InMemoryDeliveryStore}. A message is seen once it is
 * {@link #watch watched}; its last change is the clock's time whenever its status is seen to have
 * moved, as the real store's {@code updated_at} would be.
 */
public final class InMemoryStaleMessages implements StaleMessages {

    private final InMemoryDeliveryStore store;
    private final Clock clock;
    private final Map<MessageId, Watched> watched = new LinkedHashMap<>();

    private static final class Watched {
        DeliveryStatus status;
        Instant lastChange;
        Instant lastPolled;
        Instant unconfirmed;
        int polls;
    }

    public InMemoryStaleMessages(InMemoryDeliveryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** From now on the message is a candidate; it counts as changed now. */
    public synchronized void watch(MessageId id) {
        Watched entry = new Watched();
        entry.status = store.find(id).orElseThrow().status();
        entry.lastChange = clock.instant();
        watched.put(id, entry);
    }

    public synchronized Optional<Instant> unconfirmedAt(MessageId id) {
        return Optional.ofNullable(watched.get(id)).map(entry -> entry.unconfirmed);
    }

    public synchronized int polls(MessageId id) {
        return watched.get(id).polls;
    }

    @Override
    public synchronized List<StaleMessage> find(Map<DeliveryStatus, Instant> unchangedSince, Instant polledBefore,
            int limit) {
        noticeChanges();
        List<StaleMessage> found = new ArrayList<>();
        watched.forEach((id, entry) -> {
            Message message = store.find(id).orElseThrow();
            Instant cutoff = unchangedSince.get(message.status());
            if (message.sid().isPresent() && entry.unconfirmed == null && cutoff != null
                    && !entry.lastChange.isAfter(cutoff)
                    && (entry.lastPolled == null || !entry.lastPolled.isAfter(polledBefore))) {
                found.add(new StaleMessage(id, message.organization(), message.sid().get(), message.channel(),
                        message.status(), message.createdAt(), entry.lastChange, entry.polls));
            }
        });
        return found.stream().sorted(Comparator.comparing(StaleMessage::lastChange)).limit(limit).toList();
    }

    /**
     * Takes the clock's time as the last change of every watched message whose status moved since it
     * was last looked at, as the real store's {@code updated_at} is set when the row is written. A test
     * that moves a message calls it right after, at the moment of the change; {@link #find} calls it too.
     */
    public synchronized void noticeChanges() {
        watched.forEach((id, entry) -> {
            Message message = store.find(id).orElseThrow();
            if (message.status() != entry.status) {
                entry.status = message.status();
                entry.lastChange = clock.instant();
            }
        });
    }

    @Override
    public synchronized void markPolled(MessageId id, Instant at) {
        Watched entry = watched.get(id);
        entry.lastPolled = at;
        entry.polls++;
    }

    @Override
    public synchronized void markUnconfirmed(MessageId id, Instant at) {
        Watched entry = watched.get(id);
        if (entry.unconfirmed == null) {
            entry.unconfirmed = at;
        }
    }
}
