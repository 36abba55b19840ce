package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feeds' queues in memory, with PostgreSQL's promises: one holder per feed at a time, for a lease,
 * oldest first. {@link InMemoryNotificationOutbox} keeps each change it fans out here, as the real
 * fan-out does in its transaction.
 */
public final class InMemoryStatusFeeds implements StatusFeedOutbox {

    private final Map<String, List<FeedEvent>> waiting = new LinkedHashMap<>();
    private final Map<String, Instant> heldUntil = new HashMap<>();
    private long next = 1;

    /** The fan-out's part: the change is kept for every registered feed. */
    synchronized void keep(String key, String eventId, String type, String body, Instant changedAt) {
        waiting.forEach((feed, events) -> events.add(new FeedEvent(next++, key, eventId, type, body, changedAt)));
    }

    @Override
    public synchronized void register(String feed) {
        waiting.computeIfAbsent(feed, name -> new ArrayList<>());
    }

    @Override
    public synchronized void close(String feed) {
        waiting.remove(feed);
        heldUntil.remove(feed);
    }

    @Override
    public synchronized List<FeedEvent> take(String feed, int limit, Instant now, Duration lease) {
        List<FeedEvent> events = waiting.get(feed);
        Instant held = heldUntil.get(feed);
        if (events == null || events.isEmpty() || (held != null && held.isAfter(now))) {
            return List.of();
        }
        heldUntil.put(feed, now.plus(lease));
        return List.copyOf(events.subList(0, Math.min(limit, events.size())));
    }

    @Override
    public synchronized void settle(String feed, Collection<Long> published) {
        List<FeedEvent> events = waiting.get(feed);
        if (events != null) {
            events.removeIf(event -> published.contains(event.entry()));
        }
        heldUntil.remove(feed);
    }

    @Override
    public synchronized long waiting(String feed) {
        return waiting.getOrDefault(feed, List.of()).size();
    }
}
