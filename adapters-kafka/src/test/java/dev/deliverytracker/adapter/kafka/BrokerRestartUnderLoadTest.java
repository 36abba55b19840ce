package dev.deliverytracker.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.application.fake.InMemoryNotificationOutbox;
import dev.deliverytracker.application.fake.InMemoryStatusFeeds;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import dev.deliverytracker.application.service.NotificationEvents;
import dev.deliverytracker.application.service.StatusFeedRelay;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The feed relayed to a real broker while status changes keep coming, and the broker stopped and started
 * again in the middle: every change reaches the topic, each message's events in one partition, and an
 * event appears twice only if it was offered again because its acknowledgement had not come.
 */
class BrokerRestartUnderLoadTest {

    private static final int MESSAGES = 600;
    private static final List<DeliveryStatus> STORY = List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT,
            DeliveryStatus.DELIVERED);

    private final KafkaBroker broker = KafkaBroker.shared();
    private final String topic = "restart-" + UUID.randomUUID();
    private final InMemoryStatusFeeds feeds = new InMemoryStatusFeeds();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(new InMemorySubscriptions(), feeds);

    @Test
    void a_broker_restart_under_load_loses_nothing_and_duplicates_only_what_was_offered_again() throws Exception {
        try (KafkaStatusFeedPublisher kafka = new KafkaStatusFeedPublisher(
                Map.of("bootstrap.servers", broker.bootstrapServers()), topic, Duration.ofSeconds(4),
                Duration.ofSeconds(1))) {
            CountingPublisher counted = new CountingPublisher(kafka);
            KafkaRelaySchedule schedule = new KafkaRelaySchedule(
                    new StatusFeedRelay(feeds, List.of(counted), Clock.systemUTC()), KafkaStatusFeedPublisher.FEED,
                    200, Duration.ofMillis(20));
            schedule.start();
            List<String> committed = new ArrayList<>();
            AtomicLong committedWhileDown = new AtomicLong();
            AtomicBoolean down = new AtomicBoolean();
            List<String> phases = new ArrayList<>();
            Thread restart = new Thread(() -> {
                Instant began = Instant.now();
                broker.stop();
                phases.add("stopped in " + Duration.between(began, Instant.now()).toMillis() + " ms");
                down.set(true);
                sleep(3_000);
                down.set(false);
                began = Instant.now();
                broker.startAgain();
                phases.add("listening again in " + Duration.between(began, Instant.now()).toMillis() + " ms");
            }, "broker-restart");
            Instant start = Instant.now();
            try {
                long message = 0;
                while (message < MESSAGES || restart.isAlive()) {
                    message++;
                    committed.addAll(commitStory(message));
                    if (down.get()) {
                        committedWhileDown.incrementAndGet();
                    }
                    if (message == MESSAGES / 3) {
                        restart.start();
                    }
                    sleep(2);
                }
                phases.add("load ended after " + Duration.between(start, Instant.now()).toMillis() + " ms");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> feeds.waiting(KafkaStatusFeedPublisher.FEED) == 0);
            } finally {
                schedule.stop();
            }
            Duration drained = Duration.between(start, Instant.now());

            List<ConsumerRecord<String, String>> records = TopicReader.readAll(broker.bootstrapServers(), topic);
            Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(BrokerRestartUnderLoadTest::eventId,
                    LinkedHashMap::new, Collectors.counting()));
            Set<String> duplicated = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            System.out.printf("broker restart under load: %d events committed (%d messages while the broker was "
                    + "down), %d records on the topic, %d events duplicated, %d offers not acknowledged, all relayed "
                    + "%d ms after the first commit; broker %s%n", committed.size(), committedWhileDown.get(), records.size(),
                    duplicated.size(), counted.unacknowledged.get(), drained.toMillis(), phases);
            assertThat(committedWhileDown.get()).as("changes kept coming while the broker was down").isPositive();

            assertThat(counted.unacknowledged.get()).as("the restart was felt by the publisher").isPositive();
            assertThat(copies.keySet()).as("nothing lost").containsAll(committed);
            assertThat(copies.keySet()).as("nothing else").hasSameSizeAs(committed);
            assertThat(counted.offeredAgain).as("only an event offered again may be duplicated")
                    .containsAll(duplicated);
            Map<String, Set<Integer>> partitions = records.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
            assertThat(partitions.values()).as("one message, one partition").allSatisfy(set -> assertThat(set).hasSize(1));
            assertThat(partitions).hasSize(committed.size() / STORY.size());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The three changes of message {@code id}, committed and fanned out; answers their event ids. */
    private List<String> commitStory(long id) {
        MessageSid sid = MessageSid.of(String.format("SM%032d", id));
        Instant at = Instant.now();
        Message message = Message.pending(OrganizationId.of(1), Address.whatsapp("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), Optional.empty(), at)
                .withId(MessageId.of(id)).acceptedAs(sid);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < STORY.size(); c++) {
            message = message.apply(DeliveryEvent.of(sid, STORY.get(c), DeliveryError.NONE, EventSource.CALLBACK, at));
            String eventId = "evt_" + id + "_" + (c + 1);
            outbox.announce(new StatusChange(eventId, c + 1, message, at));
            ids.add(eventId);
        }
        outbox.fanOut(100, NotificationEvents.PLANNER);
        return ids;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("event-id").value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Kafka publisher, counting what it was given and did not acknowledge, and what it was given twice. */
    private static final class CountingPublisher implements StatusFeedPublisher {

        private final StatusFeedPublisher kafka;
        private final Set<String> offered = new HashSet<>();
        private final Set<String> offeredAgain = new HashSet<>();
        private final AtomicLong unacknowledged = new AtomicLong();

        CountingPublisher(StatusFeedPublisher kafka) {
            this.kafka = kafka;
        }

        @Override
        public String feed() {
            return kafka.feed();
        }

        @Override
        public Duration longestPublish() {
            return kafka.longestPublish();
        }

        @Override
        public synchronized Set<Long> publish(List<FeedEvent> events) {
            events.stream().map(FeedEvent::eventId).filter(id -> !offered.add(id)).forEach(offeredAgain::add);
            Set<Long> acknowledged = kafka.publish(events);
            unacknowledged.addAndGet(events.size() - acknowledged.size());
            return acknowledged;
        }
    }
}
