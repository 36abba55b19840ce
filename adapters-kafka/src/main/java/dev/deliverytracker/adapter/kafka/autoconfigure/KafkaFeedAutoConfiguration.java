package dev.deliverytracker.adapter.kafka.autoconfigure;

import dev.deliverytracker.adapter.kafka.KafkaRelaySchedule;
import dev.deliverytracker.adapter.kafka.KafkaStatusFeedPublisher;
import dev.deliverytracker.application.port.in.RelayStatusFeed;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every committed status change on a Kafka topic, when {@code tracker.kafka.enabled} is set and
 * kafka-clients is on the class path: the feed's publisher (a
 * {@code StatusFeedPublisher}, which the application's relay picks up), and the schedule that relays the feed
 * through the application's {@link RelayStatusFeed}. Off by default. The two halves are separate
 * classes because one drives a use case and the other is an outbound port (the architecture rules).
 */
@AutoConfiguration
@ConditionalOnClass(KafkaProducer.class)
@ConditionalOnProperty(name = "tracker.kafka.enabled", havingValue = "true")
@EnableConfigurationProperties(KafkaFeedProperties.class)
public class KafkaFeedAutoConfiguration {

    /** The publisher, closed (its producer flushed) when the application stops. */
    @Configuration(proxyBeanMethods = false)
    static class Publisher {

        @Bean(destroyMethod = "close")
        KafkaStatusFeedPublisher kafkaStatusFeedPublisher(KafkaFeedProperties properties) {
            return new KafkaStatusFeedPublisher(properties.producerSettings(), properties.topic(),
                    properties.deliveryTimeout(), properties.maxBlock());
        }
    }

    /** The relay rounds, on this instance, for the feed of the publisher above. */
    @Configuration(proxyBeanMethods = false)
    static class Relay {

        @Bean
        KafkaRelaySchedule kafkaRelaySchedule(RelayStatusFeed relay, KafkaFeedProperties properties) {
            return new KafkaRelaySchedule(relay, KafkaStatusFeedPublisher.FEED, properties.batchSize(),
                    properties.interval());
        }
    }
}
