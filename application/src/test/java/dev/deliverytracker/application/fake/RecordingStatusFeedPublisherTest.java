package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.util.List;
import java.util.Set;

class RecordingStatusFeedPublisherTest extends StatusFeedPublisherContract {

    private final RecordingStatusFeedPublisher feed = new RecordingStatusFeedPublisher("memory");

    @Override
    protected StatusFeedPublisher publisher() {
        return feed;
    }

    @Override
    protected StatusFeedPublisher unreachable() {
        return new RecordingStatusFeedPublisher("down").refuse(event -> true);
    }

    @Override
    protected List<Delivered> delivered(Set<String> keys) {
        return feed.received().stream().filter(event -> keys.contains(event.key()))
                .map(event -> new Delivered(event.key(), event.eventId(), event.body())).toList();
    }
}
