package dev.deliverytracker.adapter.kafka.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka feed ({@code tracker.kafka.*}), see docs/kafka.md. Checked at start; a wrong value stops the
 * start with the setting's name.
 *
 * @param enabled          whether every committed status change is published to Kafka (off by default)
 * @param bootstrapServers the brokers to reach the cluster through, comma-separated host:port
 * @param topic            the topic the events are published to
 * @param clientId         the producer's client id, as the brokers' logs and quotas see it
 * @param batchSize        events one relay round takes from the outbox and publishes at once
 * @param interval         rest between relay rounds once nothing more waits
 * @param deliveryTimeout  longest wait for the brokers to acknowledge an event, retries included; an event
 *                         not acknowledged by then is offered again in a later round
 * @param maxBlock         longest wait for the cluster's metadata before a publish gives up (broker down)
 * @param producer         any other producer setting by its Kafka name (security.protocol, sasl.*,
 *                         compression.type, ...); the ones the guarantees rest on cannot be changed
 */
@ConfigurationProperties("tracker.kafka")
public record KafkaFeedProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("delivery-tracker.status-changes") String topic,
        @DefaultValue("delivery-tracker") String clientId,
        @DefaultValue("500") int batchSize,
        @DefaultValue("250ms") Duration interval,
        @DefaultValue("60s") Duration deliveryTimeout,
        @DefaultValue("10s") Duration maxBlock,
        Map<String, String> producer) {

    public KafkaFeedProperties {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("tracker.kafka.bootstrap-servers must name at least one broker");
        }
        if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("tracker.kafka.topic must be 1 to 249 of letters, digits, '.', '_' "
                    + "and '-', was '" + topic + "'");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("tracker.kafka.batch-size must be 1 to 10000, was " + batchSize);
        }
        positive("interval", interval);
        positive("max-block", maxBlock);
        if (deliveryTimeout == null || deliveryTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("tracker.kafka.delivery-timeout must be at least 2s, was "
                    + deliveryTimeout);
        }
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    /** The producer's settings: the extra ones, then the servers and client id. */
    public Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(producer);
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("client.id", clientId);
        return settings;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tracker.kafka." + name + " must be positive, was " + value);
        }
    }
}
