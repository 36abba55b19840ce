package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every feed publisher promises ({@link StatusFeedPublisher}), run against the in-memory
 * {@link RecordingStatusFeedPublisher} and against each real feed (Kafka). Keys are random per test, so
 * a real feed may be shared by the tests.
 */
public abstract class StatusFeedPublisherContract {

    /** An event as the feed delivers it to a reader. */
    public record Delivered(String key, String eventId, String body) {
    }

    /** A publisher to a feed that works. */
    protected abstract StatusFeedPublisher publisher();

    /** A publisher whose feed cannot be reached (nothing listens where it publishes). */
    protected abstract StatusFeedPublisher unreachable();

    /** What a reader of {@link #publisher()}'s feed has been delivered for these keys, in the feed's order. */
    protected abstract List<Delivered> delivered(Set<String> keys);

    @Test
    void every_event_is_acknowledged_and_delivered_with_its_key_and_exact_body() {
        List<FeedEvent> events = events(3, 2);

        Set<Long> acknowledged = publisher().publish(events);

        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(events.stream().map(FeedEvent::entry).toList());
        assertThat(delivered(keys(events))).containsExactlyInAnyOrderElementsOf(events.stream()
                .map(event -> new Delivered(event.key(), event.eventId(), event.body())).toList());
    }

    @Test
    void one_key_s_events_are_delivered_in_the_order_given() {
        List<FeedEvent> events = events(4, 5);

        publisher().publish(events);

        List<Delivered> delivered = delivered(keys(events));
        for (String key : keys(events)) {
            assertThat(delivered.stream().filter(event -> event.key().equals(key)).map(Delivered::eventId))
                    .containsExactlyElementsOf(events.stream().filter(event -> event.key().equals(key))
                            .map(FeedEvent::eventId).toList());
        }
    }

    @Test
    void a_feed_that_cannot_be_reached_acknowledges_nothing_and_the_publisher_does_not_throw() {
        assertThat(unreachable().publish(events(2, 1))).isEmpty();
    }

    @Test
    void nothing_to_publish_is_nothing_acknowledged() {
        assertThat(publisher().publish(List.of())).isEmpty();
    }

    /** {@code perKey} events of each of {@code keys} new keys, interleaved as a busy outbox keeps them. */
    protected static List<FeedEvent> events(int keys, int perKey) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            names.add(Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) + 1));
        }
        List<FeedEvent> events = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        long entry = System.nanoTime();
        for (int sequence = 1; sequence <= perKey; sequence++) {
            for (String key : names) {
                String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
                events.add(new FeedEvent(entry++, key, id, "message.sent", "{\"id\":\"" + id + "\",\"sequence\":"
                        + sequence + ",\"version\":1,\"data\":{\"message\":{\"id\":\"" + key + "\"}}}", at));
            }
        }
        return events;
    }

    protected static Set<String> keys(List<FeedEvent> events) {
        return events.stream().map(FeedEvent::key).collect(Collectors.toSet());
    }
}
