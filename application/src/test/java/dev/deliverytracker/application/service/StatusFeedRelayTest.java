package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryStatusFeeds;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.RecordingStatusFeedPublisher;
import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import dev.deliverytracker.application.fake.InMemoryNotificationOutbox;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusFeedRelayTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final MovableClock clock = new MovableClock(T0);
    final InMemoryStatusFeeds feeds = new InMemoryStatusFeeds();
    final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(new InMemorySubscriptions(), feeds);
    final RecordingStatusFeedPublisher kafka = new RecordingStatusFeedPublisher("kafka");
    final StatusFeedRelay relay = new StatusFeedRelay(feeds, List.of(kafka), clock);

    @Test
    void what_the_feed_acknowledged_is_forgotten_and_the_next_round_takes_the_next_events() {
        relay.open("kafka");
        changes(5);

        assertThat(relay.relayDue("kafka", 3)).isEqualTo(3);
        assertThat(relay.relayDue("kafka", 3)).isEqualTo(2);
        assertThat(relay.relayDue("kafka", 3)).isZero();

        assertThat(kafka.received()).extracting(FeedEvent::key).containsExactly("1", "2", "3", "4", "5");
        assertThat(feeds.waiting("kafka")).isZero();
    }

    @Test
    void a_refused_event_waits_first_in_line_and_goes_once_the_feed_takes_it() {
        relay.open("kafka");
        changes(3);
        kafka.refuse(event -> event.key().equals("2"));

        assertThat(relay.relayDue("kafka", 10)).isEqualTo(2);
        kafka.refuse(event -> false);
        assertThat(relay.relayDue("kafka", 1)).isEqualTo(1);

        assertThat(kafka.received()).extracting(FeedEvent::key).containsExactly("1", "3", "2");
    }

    @Test
    void a_lost_acknowledgement_publishes_the_event_again_at_least_once_never_lost() {
        relay.open("kafka");
        changes(2);
        kafka.loseAcknowledgements(true);
        assertThat(relay.relayDue("kafka", 10)).isZero();
        kafka.loseAcknowledgements(false);
        assertThat(relay.relayDue("kafka", 10)).isEqualTo(2);

        assertThat(kafka.received()).extracting(FeedEvent::key).containsExactly("1", "2", "1", "2");
    }

    @Test
    void a_stray_acknowledgement_forgets_nothing_it_was_not_given() {
        relay.open("kafka");
        changes(2);
        StatusFeedPublisher liar = new StatusFeedPublisher() {
            @Override
            public String feed() {
                return "kafka";
            }

            @Override
            public Duration longestPublish() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Set<Long> publish(List<FeedEvent> events) {
                return Set.of(events.get(0).entry(), events.get(0).entry() + 1);
            }
        };
        StatusFeedRelay lying = new StatusFeedRelay(feeds, List.of(liar), clock);

        assertThat(lying.relayDue("kafka", 1)).isEqualTo(1);
        assertThat(feeds.waiting("kafka")).isEqualTo(1);
    }

    @Test
    void a_publisher_that_throws_frees_the_feed_at_once_and_forgets_nothing() {
        relay.open("kafka");
        changes(1);
        StatusFeedPublisher broken = new StatusFeedPublisher() {
            @Override
            public String feed() {
                return "kafka";
            }

            @Override
            public Duration longestPublish() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Set<Long> publish(List<FeedEvent> events) {
                throw new IllegalStateException("broken");
            }
        };

        assertThatThrownBy(() -> new StatusFeedRelay(feeds, List.of(broken), clock)
                .relayDue("kafka", 10)).hasMessage("broken");
        assertThat(relay.relayDue("kafka", 10)).as("no lease to wait for").isEqualTo(1);
    }

    @Test
    void another_instance_holding_the_feed_keeps_this_one_out_until_its_lease_ends() {
        relay.open("kafka");
        changes(2);
        assertThat(feeds.take("kafka", 1, T0, Duration.ofSeconds(60))).hasSize(1);

        assertThat(relay.relayDue("kafka", 10)).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(relay.relayDue("kafka", 10)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayDue("kafka", 10)).isEqualTo(2);
    }

    @Test
    void while_it_publishes_the_relay_holds_the_feed_for_the_publisher_s_longest_publish_and_the_margin() {
        relay.open("kafka");
        changes(1);
        List<Integer> seenByAnotherInstance = new ArrayList<>();
        StatusFeedPublisher slow = new StatusFeedPublisher() {
            @Override
            public String feed() {
                return "kafka";
            }

            @Override
            public Duration longestPublish() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Set<Long> publish(List<FeedEvent> events) {
                seenByAnotherInstance.add(feeds.take("kafka", 10, T0.plusSeconds(39), Duration.ofSeconds(1)).size());
                seenByAnotherInstance.add(feeds.take("kafka", 10, T0.plusSeconds(40), Duration.ofSeconds(1)).size());
                return Set.of();
            }
        };

        new StatusFeedRelay(feeds, List.of(slow), clock).relayDue("kafka", 10);

        assertThat(seenByAnotherInstance).containsExactly(0, 1);
    }

    @Test
    void a_feed_without_a_publisher_is_a_mistake_said_at_once() {
        assertThatThrownBy(() -> relay.open("pulsar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pulsar").hasMessageContaining("kafka");
        assertThat(feeds.waiting("pulsar")).isZero();
    }

    /** One queued change of each of {@code count} new messages, ids 1, 2, ..., fanned out. */
    private void changes(int count) {
        for (int id = 1; id <= count; id++) {
            Message message = Message.pending(OrganizationId.of(1), Address.whatsapp("+31612345678"),
                    Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0)
                    .withId(MessageId.of(id)).acceptedAs(MessageSid.of(String.format("SM%032d", id)));
            outbox.announce(new StatusChange("evt_" + id, 1, message, T0));
        }
        outbox.fanOut(100, NotificationEvents.PLANNER);
    }
}
