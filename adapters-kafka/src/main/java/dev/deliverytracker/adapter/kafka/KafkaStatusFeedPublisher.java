package dev.deliverytracker.adapter.kafka;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status feed on a Kafka topic: one record per status change, keyed by the message's id (so the
 * default partitioner keeps one message's events in one partition, in the order sent), the value the
 * event's JSON exactly as a webhook subscription is sent it, and the event's id and type in headers.
 *
 * <p>The producer is idempotent with {@code acks=all}: its own retries of a batch never write it twice,
 * and at most five batches in flight per connection keep their order. An event counts as published only
 * once the broker acknowledged it; everything else is left to the relay to offer again.
 */
public final class KafkaStatusFeedPublisher implements StatusFeedPublisher, AutoCloseable {

    /** The feed's name in the tracker's outbox: one Kafka feed per service, whatever its topic. */
    public static final String FEED = "kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStatusFeedPublisher.class);

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration longestPublish;

    /**
     * {@code settings}: the producer's own (servers, client id, security, ...); the ones the guarantees
     * rest on are set here whatever they say. A publish waits at most {@code maxBlock} for the cluster's
     * metadata, then at most {@code deliveryTimeout} for the acknowledgements.
     */
    public KafkaStatusFeedPublisher(Map<String, Object> settings, String topic, Duration deliveryTimeout,
            Duration maxBlock) {
        this.topic = topic;
        this.longestPublish = maxBlock.plus(deliveryTimeout);
        this.producer = new KafkaProducer<>(producerSettings(settings, deliveryTimeout, maxBlock), new StringSerializer(),
                new StringSerializer());
    }

    static Map<String, Object> producerSettings(Map<String, Object> settings, Duration deliveryTimeout,
            Duration maxBlock) {
        Map<String, Object> producer = new HashMap<>(settings);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms: one request may take half.
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, deliveryTimeout.toMillis() / 2
                - Long.parseLong(producer.get(ProducerConfig.LINGER_MS_CONFIG).toString())));
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        return producer;
    }

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public Duration longestPublish() {
        return longestPublish;
    }

    @Override
    public Set<Long> publish(List<FeedEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        try {
            for (FeedEvent event : events) {
                sent.add(producer.send(record(event)));
            }
        } catch (KafkaException | IllegalStateException notSent) {
            // No metadata in time (no broker answers), or the producer is closed: what follows is not sent
            // either, so that no later event of a message overtakes this one.
            LOG.warn("status feed: {} of {} events handed to Kafka, then {}", sent.size(), events.size(),
                    notSent.toString());
        }
        producer.flush();
        Set<Long> acknowledged = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                acknowledged.add(events.get(i).entry());
            } catch (ExecutionException failed) {
                LOG.warn("status feed: event {} not acknowledged: {}", events.get(i).eventId(),
                        failed.getCause().toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private ProducerRecord<String, String> record(FeedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-id", event.eventId().getBytes(StandardCharsets.UTF_8));
        headers.add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, event.changedAt().toEpochMilli(), event.key(), event.body(), headers);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
