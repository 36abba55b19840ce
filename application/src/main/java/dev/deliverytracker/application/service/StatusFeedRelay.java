package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.RelayStatusFeed;
import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The feeds' relay: what the outbox kept for a feed goes to that feed's publisher, and only what the
 * feed acknowledged is forgotten, so a crash or a refusal at any point leaves the rest waiting, first in
 * line. Events are published at least once; duplicates come only from a publish whose acknowledgement
 * was lost, or from a holder that outlived its lease.
 */
public final class StatusFeedRelay implements RelayStatusFeed {

    private final StatusFeedOutbox outbox;
    private final Map<String, StatusFeedPublisher> publishers;
    private final Clock clock;

    /**
     * What a relay adds to its publisher's longest publish when it holds a feed: room to write the outcome,
     * so that another instance takes the feed over only from a relay that is gone.
     */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    public StatusFeedRelay(StatusFeedOutbox outbox, List<StatusFeedPublisher> publishers, Clock clock) {
        this.outbox = outbox;
        this.publishers = publishers.stream().collect(Collectors.toUnmodifiableMap(StatusFeedPublisher::feed,
                Function.identity()));
        this.clock = clock;
    }

    @Override
    public void open(String feed) {
        publisher(feed);
        outbox.register(feed);
    }

    @Override
    public int relayDue(String feed, int limit) {
        StatusFeedPublisher publisher = publisher(feed);
        List<FeedEvent> taken = outbox.take(feed, limit, clock.instant(), publisher.longestPublish().plus(MARGIN));
        if (taken.isEmpty()) {
            return 0;
        }
        Set<Long> published = new HashSet<>();
        try {
            published.addAll(publisher.publish(taken));
            // Only entries that were taken: a publisher's stray answer must not forget another event.
            published.retainAll(taken.stream().map(FeedEvent::entry).collect(Collectors.toSet()));
        } finally {
            // Even when a publisher breaks its promise and throws: the feed is free again at once.
            outbox.settle(feed, published);
        }
        return published.size();
    }

    private StatusFeedPublisher publisher(String feed) {
        StatusFeedPublisher publisher = publishers.get(feed);
        if (publisher == null) {
            throw new IllegalArgumentException("no publisher for feed '" + feed + "'; there are " + publishers.keySet());
        }
        return publisher;
    }
}
