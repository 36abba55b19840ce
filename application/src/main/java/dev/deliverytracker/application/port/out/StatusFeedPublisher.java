package dev.deliverytracker.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Publishes status-change events to one feed, such as a topic of a log. Blocks until the feed has
 * answered for every event given (or gave up on it), and never throws: an event it cannot vouch for is
 * simply not among the answer, and is offered again later. So a feed sees every event at least once;
 * an event that was published but not vouched for (a lost acknowledgement) is seen twice.
 */
public interface StatusFeedPublisher {

    /** The feed's name, under which its events are kept ({@link StatusFeedOutbox}). */
    String feed();

    /** The longest {@link #publish} may take before it answers; the relay holds the feed a little longer. */
    Duration longestPublish();

    /** Publishes the events, in the order given; answers the entries the feed acknowledged. */
    Set<Long> publish(List<FeedEvent> events);
}
