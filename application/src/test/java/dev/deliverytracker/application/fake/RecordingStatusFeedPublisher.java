package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A feed in memory: keeps what it is given, in order, and acknowledges it; {@link #refuse} makes it
 * refuse the events a test chooses (a partition without a leader, a broker down), and
 * {@link #loseAcknowledgements} keep an event but not say so (an acknowledgement lost on the way).
 */
public final class RecordingStatusFeedPublisher implements StatusFeedPublisher {

    private final String feed;
    private final List<FeedEvent> received = new ArrayList<>();
    private Predicate<FeedEvent> refused = event -> false;
    private boolean acknowledge = true;

    public RecordingStatusFeedPublisher(String feed) {
        this.feed = feed;
    }

    public synchronized RecordingStatusFeedPublisher refuse(Predicate<FeedEvent> refused) {
        this.refused = refused;
        return this;
    }

    public synchronized RecordingStatusFeedPublisher loseAcknowledgements(boolean lose) {
        this.acknowledge = !lose;
        return this;
    }

    public synchronized List<FeedEvent> received() {
        return List.copyOf(received);
    }

    @Override
    public String feed() {
        return feed;
    }

    /** It answers at once. */
    @Override
    public Duration longestPublish() {
        return Duration.ZERO;
    }

    @Override
    public synchronized Set<Long> publish(List<FeedEvent> events) {
        Set<Long> acknowledged = new HashSet<>();
        for (FeedEvent event : events) {
            if (!refused.test(event)) {
                received.add(event);
                if (acknowledge) {
                    acknowledged.add(event.entry());
                }
            }
        }
        return acknowledged;
    }
}
