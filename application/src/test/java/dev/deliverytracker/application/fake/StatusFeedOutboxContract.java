package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of the feeds' queues promises ({@link StatusFeedOutbox}), run against the
 * in-memory {@link InMemoryStatusFeeds} and against PostgreSQL. Each test uses feeds of its own and
 * closes them; changes other tests left in the outbox are taken away before a test commits its own.
 */
public abstract class StatusFeedOutboxContract {

    protected static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
    protected static final Duration LEASE = Duration.ofSeconds(30);

    /** A status change this test committed: its event id, the message it is of, its type. */
    public record Committed(String eventId, String key, String type) {
    }

    protected abstract StatusFeedOutbox feeds();

    /**
     * Commits {@code changesEach} status changes (queued, sent, delivered, read) of each of
     * {@code messages} new messages, then fans the whole outbox out (with no change: only fans out);
     * answers this test's changes in the order committed.
     */
    protected abstract List<Committed> commit(int messages, int changesEach);

    private final List<String> opened = new ArrayList<>();

    @AfterEach
    void closeTheFeeds() {
        opened.forEach(feeds()::close);
    }

    @Test
    void a_registered_feed_is_given_every_change_committed_after_its_registration_as_a_subscription_is_sent_it() {
        commit(1, 1);
        String feed = opened();

        List<Committed> committed = commit(2, 2);

        List<FeedEvent> taken = feeds().take(feed, 100, NOW, LEASE);
        assertThat(taken).extracting(FeedEvent::eventId).containsExactlyElementsOf(
                committed.stream().map(Committed::eventId).toList());
        assertThat(taken).extracting(FeedEvent::key).containsExactlyElementsOf(
                committed.stream().map(Committed::key).toList());
        assertThat(taken).extracting(FeedEvent::type).containsExactly("message.queued", "message.sent",
                "message.queued", "message.sent");
        assertThat(taken).allSatisfy(event -> assertThat(event.body())
                .startsWith("{\"id\":\"" + event.eventId() + "\",\"type\":\"" + event.type() + "\"")
                .contains("\"version\":1", "\"message\":{\"id\":\"" + event.key() + "\""));
        assertThat(taken).extracting(FeedEvent::entry).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void only_what_was_published_is_forgotten_and_the_rest_comes_first_next_time() {
        String feed = opened();
        List<Committed> committed = commit(5, 1);

        List<FeedEvent> first = feeds().take(feed, 3, NOW, LEASE);
        assertThat(first).extracting(FeedEvent::eventId).containsExactly(committed.get(0).eventId(),
                committed.get(1).eventId(), committed.get(2).eventId());
        feeds().settle(feed, Set.of(first.get(0).entry(), first.get(2).entry()));

        assertThat(feeds().waiting(feed)).isEqualTo(3);
        assertThat(feeds().take(feed, 10, NOW, LEASE)).extracting(FeedEvent::eventId).containsExactly(
                committed.get(1).eventId(), committed.get(3).eventId(), committed.get(4).eventId());
    }

    @Test
    void one_relay_holds_a_feed_at_a_time_until_it_settles_or_its_lease_ends() {
        String feed = opened();
        commit(2, 1);

        List<FeedEvent> held = feeds().take(feed, 1, NOW, LEASE);
        assertThat(held).hasSize(1);
        assertThat(feeds().take(feed, 10, NOW.plusSeconds(29), LEASE)).as("held by the first").isEmpty();
        assertThat(feeds().take(feed, 10, NOW.plus(LEASE), LEASE)).as("its lease ended").hasSize(2);
        assertThat(feeds().take(feed, 10, NOW.plus(LEASE), LEASE)).as("held by the second").isEmpty();

        feeds().settle(feed, Set.of(held.get(0).entry()));
        assertThat(feeds().take(feed, 10, NOW.plus(LEASE), LEASE)).as("settled: free again").hasSize(1);
    }

    @Test
    void every_feed_has_its_own_queue() {
        String kafka = opened();
        String other = opened();
        commit(2, 1);

        List<FeedEvent> taken = feeds().take(kafka, 10, NOW, LEASE);
        feeds().settle(kafka, taken.stream().map(FeedEvent::entry).toList());

        assertThat(feeds().waiting(kafka)).isZero();
        assertThat(feeds().take(other, 10, NOW, LEASE)).as("held and settled elsewhere: not here").hasSize(2);
    }

    @Test
    void registering_again_keeps_one_queue_and_a_closed_feed_hears_of_nothing_more() {
        String feed = opened();
        feeds().register(feed);
        commit(1, 2);
        assertThat(feeds().waiting(feed)).as("each change once").isEqualTo(2);

        feeds().close(feed);
        assertThat(feeds().waiting(feed)).as("what waited is forgotten").isZero();
        commit(1, 1);
        assertThat(feeds().waiting(feed)).isZero();
        assertThat(feeds().take(feed, 10, NOW, LEASE)).isEmpty();
    }

    @Test
    void a_feed_nobody_registered_is_given_nothing() {
        String never = "never-" + UUID.randomUUID();
        commit(1, 1);
        assertThat(feeds().take(never, 10, NOW, LEASE)).isEmpty();
        assertThat(feeds().waiting(never)).isZero();
    }

    /** A feed of this test's own, registered with nothing waiting in it. */
    private String opened() {
        String feed = "feed-" + UUID.randomUUID();
        opened.add(feed);
        feeds().register(feed);
        commit(0, 0);
        List<FeedEvent> left;
        while (!(left = feeds().take(feed, 1000, NOW, LEASE)).isEmpty()) {
            feeds().settle(feed, left.stream().map(FeedEvent::entry).toList());
        }
        return feed;
    }
}
