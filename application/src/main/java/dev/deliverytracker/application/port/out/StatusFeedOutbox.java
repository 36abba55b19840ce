package dev.deliverytracker.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The status changes kept for feeds: named relays (such as a Kafka topic) that want every committed
 * status change of every organization, beside the webhook subscriptions. The changes reach a feed
 * through the notification outbox's fan-out, in the unit of work that takes them from the outbox, so a
 * registered feed is given every change committed after its registration, and no change that was not
 * committed. Each feed is a queue of its own: one feed's backlog holds back no other feed and no
 * subscription. Every method is atomic.
 */
public interface StatusFeedOutbox {

    /** From now on, every committed status change is kept for {@code feed}; registering again changes nothing. */
    void register(String feed);

    /** The feed is given up for good: it hears of no more change, and what waited for it is forgotten. */
    void close(String feed);

    /**
     * Takes the feed for {@code lease} unless another relay holds it, and answers its oldest waiting
     * events, at most {@code limit}, oldest first; empty when another relay holds the feed or nothing
     * waits. One holder at a time keeps each message's events in the order they were kept.
     */
    List<FeedEvent> take(String feed, int limit, Instant now, Duration lease);

    /**
     * The events of {@code published} reached the feed: they are forgotten. The rest of what was taken
     * waits, first in line, and the feed is free for the next {@link #take}.
     */
    void settle(String feed, Collection<Long> published);

    /** How many events wait for the feed (taken ones included). */
    long waiting(String feed);
}
