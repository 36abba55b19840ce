package dev.deliverytracker.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.StatusFeedPublisherContract;
import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka publisher held to the feed publishers' contract, against a real broker. */
class KafkaStatusFeedPublisherContractTest extends StatusFeedPublisherContract {

    private static final String TOPIC = "contract-" + UUID.randomUUID();
    private static KafkaBroker broker;
    private static KafkaStatusFeedPublisher publisher;
    private static KafkaStatusFeedPublisher unreachable;

    @BeforeAll
    static void connect() throws Exception {
        broker = KafkaBroker.shared();
        publisher = new KafkaStatusFeedPublisher(Map.of("bootstrap.servers", broker.bootstrapServers()), TOPIC,
                Duration.ofSeconds(20), Duration.ofSeconds(20));
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        unreachable = new KafkaStatusFeedPublisher(Map.of("bootstrap.servers", "127.0.0.1:" + nobody), TOPIC,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @AfterAll
    static void disconnect() {
        publisher.close();
        unreachable.close();
    }

    @Override
    protected StatusFeedPublisher publisher() {
        return publisher;
    }

    @Override
    protected StatusFeedPublisher unreachable() {
        return unreachable;
    }

    @Override
    protected List<Delivered> delivered(Set<String> keys) {
        return TopicReader.readAll(broker.bootstrapServers(), TOPIC).stream()
                .filter(record -> keys.contains(record.key()))
                .map(record -> new Delivered(record.key(), header(record, "event-id"), record.value())).toList();
    }

    @Test
    void a_record_carries_the_event_s_id_type_and_time_and_one_message_stays_in_one_partition() {
        List<FeedEvent> events = events(1, 3);
        FeedEvent first = events.get(0);

        assertThat(publisher.publish(events)).hasSize(3);

        List<ConsumerRecord<String, String>> records = TopicReader.readAll(broker.bootstrapServers(), TOPIC).stream()
                .filter(record -> record.key().equals(first.key())).toList();
        assertThat(records).hasSize(3);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        assertThat(header(records.get(0), "event-type")).isEqualTo(first.type());
        assertThat(header(records.get(0), "content-type")).isEqualTo("application/json");
        assertThat(Instant.ofEpochMilli(records.get(0).timestamp())).isEqualTo(first.changedAt());
    }

    @Test
    void the_producer_is_idempotent_with_every_replica_acknowledging_whatever_the_settings_say() {
        Map<String, Object> settings = KafkaStatusFeedPublisher.producerSettings(
                Map.of("acks", "1", "enable.idempotence", "false", "max.in.flight.requests.per.connection", "20",
                        "linger.ms", "20"), Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThat(settings).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5).containsEntry("delivery.timeout.ms", 30_000)
                .containsEntry("request.timeout.ms", 14_980).containsEntry("max.block.ms", 5_000L);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
