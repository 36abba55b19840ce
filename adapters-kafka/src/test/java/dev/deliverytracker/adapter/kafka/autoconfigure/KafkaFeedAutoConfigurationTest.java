package dev.deliverytracker.adapter.kafka.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.adapter.kafka.KafkaRelaySchedule;
import dev.deliverytracker.adapter.kafka.KafkaStatusFeedPublisher;
import dev.deliverytracker.application.port.in.RelayStatusFeed;
import dev.deliverytracker.application.port.out.StatusFeedPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The adapter is in the application only with its jar and its property; switched on, it gives the
 * publisher the application's relay picks up and the schedule that drives the relay for the Kafka feed.
 * No broker: the relay here only records what the schedule asks of it.
 */
class KafkaFeedAutoConfigurationTest {

    /** The use case as the schedule sees it: which feed it opened, which it relayed and in what batches. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaFeedAutoConfiguration.class))
            .withBean(RelayStatusFeed.class, () -> new RelayStatusFeed() {
                @Override
                public void open(String feed) {
                    asked.add("open " + feed);
                }

                @Override
                public int relayDue(String feed, int limit) {
                    asked.add("relay " + feed + " " + limit);
                    return 0;
                }
            })
            .withPropertyValues("tracker.kafka.bootstrap-servers=127.0.0.1:1", "tracker.kafka.max-block=1s");

    @Test
    void off_by_default() {
        context.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(StatusFeedPublisher.class)
                .doesNotHaveBean(KafkaRelaySchedule.class));
    }

    @Test
    void with_its_property_it_publishes_to_kafka_and_relays_the_kafka_feed() {
        context.withPropertyValues("tracker.kafka.enabled=true", "tracker.kafka.topic=orders.status",
                "tracker.kafka.delivery-timeout=5s", "tracker.kafka.batch-size=50").run(app -> {
                    assertThat(app).hasSingleBean(StatusFeedPublisher.class).hasSingleBean(KafkaRelaySchedule.class);
                    StatusFeedPublisher publisher = app.getBean(StatusFeedPublisher.class);
                    assertThat(publisher.feed()).isEqualTo(KafkaStatusFeedPublisher.FEED);
                    assertThat(publisher.longestPublish()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(app.getBean(KafkaRelaySchedule.class).isRunning()).isTrue();
                    await().atMost(Duration.ofSeconds(10)).until(() -> asked.contains("relay kafka 50"));
                    assertThat(asked.get(0)).as("the feed is opened before anything is relayed").isEqualTo("open kafka");
                });
    }

    @Test
    void without_kafka_clients_on_the_class_path_it_is_not_there_even_with_its_property() {
        context.withClassLoader(new FilteredClassLoader(KafkaProducer.class))
                .withPropertyValues("tracker.kafka.enabled=true")
                .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(StatusFeedPublisher.class)
                        .doesNotHaveBean(KafkaRelaySchedule.class));
    }

    @Test
    void a_wrong_setting_stops_the_start_with_the_setting_s_name() {
        context.withPropertyValues("tracker.kafka.enabled=true", "tracker.kafka.topic=no spaces please")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tracker.kafka.topic"));
        context.withPropertyValues("tracker.kafka.enabled=true", "tracker.kafka.batch-size=0")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tracker.kafka.batch-size"));
    }
}
