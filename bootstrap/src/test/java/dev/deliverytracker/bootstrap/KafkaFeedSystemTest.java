package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.adapter.kafka.KafkaBroker;
import dev.deliverytracker.adapter.kafka.TopicReader;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka feed in the running service, switched on by its property alone: status changes recorded
 * from signed callbacks, for an organization with no webhook subscription, reach a real broker's topic,
 * one message in one partition, in its order, as the webhook's versioned event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "tracker.twilio.auth-token=configured-token",
        "tracker.dispatch.enabled=false",
        "tracker.notifications.interval=20ms",
        "tracker.kafka.enabled=true",
        "tracker.kafka.interval=50ms"})
class KafkaFeedSystemTest {

    static final String TOPIC = "system-" + UUID.randomUUID();
    static final List<String> CALLBACKS = List.of("sent", "delivered", "read");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tracker.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("tracker.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;

    @Autowired
    TrackerFixture fixture;

    @Autowired
    JdbcClient jdbc;

    final AccountSid account = DeliveryStoreContract.randomAccount();
    final String token = "token-" + account.value().substring(30);

    /** The test database is shared: the other test classes' changes need not be kept for Kafka. */
    @AfterEach
    void closeTheFeed() {
        jdbc.sql("delete from status_feeds where feed = 'kafka'").update();
    }

    @Test
    void every_status_change_reaches_the_topic_keyed_by_message_with_its_sequence() throws Exception {
        OrganizationId org = fixture.organizationOf(account, token);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Message message = fixture.acceptedMessage(org);
            for (String status : CALLBACKS) {
                assertThat(callback(message, status)).isEqualTo(200);
            }
            messages.add(message);
        }
        Set<String> keys = messages.stream().map(message -> message.id().orElseThrow().toString())
                .collect(Collectors.toSet());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> mine(keys).size() >= keys.size() * 4);

        ObjectMapper json = new ObjectMapper();
        List<ConsumerRecord<String, String>> records = mine(keys);
        assertThat(records).hasSize(keys.size() * 4);
        Map<String, List<ConsumerRecord<String, String>>> byKey = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        for (List<ConsumerRecord<String, String>> ofOne : byKey.values()) {
            assertThat(ofOne).extracting(ConsumerRecord::partition).containsOnly(ofOne.get(0).partition());
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> record : ofOne) {
                events.add(json.readTree(record.value()));
            }
            // The order of arrival is only usual, not promised (docs/kafka.md: other instances' fan-outs, here
            // other test contexts on the same database, may commit out of order); the sequence is the order.
            events.sort(java.util.Comparator.comparingInt(event -> event.path("sequence").asInt()));
            assertThat(events).extracting(event -> event.path("sequence").asInt()).containsExactly(1, 2, 3, 4);
            assertThat(events).extracting(event -> event.path("type").asText()).containsExactly("message.queued",
                    "message.sent", "message.delivered", "message.read");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.path("version").asInt()).isEqualTo(1);
                assertThat(event.path("data").path("message").path("id").asText()).isEqualTo(ofOne.get(0).key());
            });
        }
    }

    private List<ConsumerRecord<String, String>> mine(Set<String> keys) {
        return TopicReader.readAll(KafkaBroker.shared().bootstrapServers(), TOPIC).stream()
                .filter(record -> keys.contains(record.key())).toList();
    }

    private int callback(Message message, String status) {
        String sid = message.sid().orElseThrow().value();
        Map<String, List<String>> form = form("MessageSid", sid, "SmsSid", sid, "MessageStatus", status,
                "SmsStatus", status, "AccountSid", account.value(), "From", "whatsapp:+14155550100",
                "To", "whatsapp:+31612345678", "ApiVersion", "2010-04-01");
        CallbackClient client = new CallbackClient(port);
        return client.post("/twilio-status", form, TwilioDocumentedSignature.sign(token, client.local("/twilio-status"),
                form)).statusCode();
    }
}
