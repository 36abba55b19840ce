package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.ServiceInstance.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.StreamDelivery;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service goes away while Twilio still has statuses to report, and the status callbacks are lost
 * (the simulator's outcome is silent: no callback is posted at all). Event Streams keeps retrying its
 * batches with backoff (for up to four hours at Twilio; compressed to seconds here), so once the
 * service is back, every status arrives and is recorded exactly once. The service is reached through
 * a balancer, as in production, so the sink URL stays the same while no instance is up (502).
 */
class EventStreamsRestartSystemTest {

    private static final String API_KEY = "dt_event-streams-restart-test-key-01";
    private static final int MESSAGES = 12;

    @Test
    void while_the_service_is_down_nothing_is_lost_because_event_streams_retries_bring_it_after_the_restart()
            throws Exception {
        String marker = "streams-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults());
                RoundRobinProxy balancer = new RoundRobinProxy()) {
            twilio.behaviour(twilio.behaviour().withDelays(300, 800)
                    .withDefaultOutcome(Outcome.silent(Outcome.delivered())));
            twilio.addEventStreamsSink(URI.create("http://localhost:" + balancer.port() + "/twilio-events"),
                    twilio.accountSid(), Set.of(), 100, 100, 200, 1500, Duration.ofMinutes(5).toMillis());
            int[] port = new int[1];
            balancer.add(() -> port[0]);

            ConfigurableApplicationContext first = start(twilio, balancer.port());
            port[0] = portOf(first);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                HttpResponse<String> response = new ApiClient(port[0], API_KEY).post("/api/v1/messages",
                        "{\"channel\":\"sms\",\"to\":\"+3165" + String.format("%07d", i) + "\",\"body\":\"" + marker
                                + " #" + i + "\"}");
                assertThat(response.statusCode()).isEqualTo(202);
                ids.add(Long.parseLong(response.body().replaceAll(".*\"id\":\"(\\d+)\".*", "$1")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ours(twilio, marker).size() == MESSAGES);
            JdbcClient database = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            // Every send answered and stored (its SID known) before the service goes away.
            await().atMost(Duration.ofSeconds(30)).until(() -> database.sql(
                    "select count(*) from messages where message_id in (:ids) and whatsapp_msg_sid is not null")
                    .param("ids", ids).query(Long.class).single() == MESSAGES);

            port[0] = 0;
            first.close();
            // Down until Twilio has delivered every message and Event Streams has failed to hand some over.
            await().atMost(Duration.ofSeconds(30)).until(() -> ours(twilio, marker).stream()
                    .allMatch(message -> message.status().equals("delivered")));
            await().atMost(Duration.ofSeconds(30)).until(() -> twilio.streamDeliveries().stream()
                    .filter(delivery -> !delivery.delivered()).count() >= 3);
            assertThat(twilio.callbackAttempts()).as("no status callback was ever posted").isEmpty();

            ConfigurableApplicationContext second = start(twilio, balancer.port());
            try {
                port[0] = portOf(second);
                JdbcClient after = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
                // Batches are retried each on its own: a late "sent" may come after "delivered".
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> count(after, ids, "delivered") == MESSAGES && after.sql(
                                "select count(distinct dedupe_key) from message_delivery_log where message_id in (:ids)")
                                .param("ids", ids).query(Long.class).single() == 3 * MESSAGES);

                Map<String, Long> rowsPerEvent = new HashMap<>();
                after.sql("select dedupe_key, count(*) from message_delivery_log where message_id in (:ids) group by dedupe_key")
                        .param("ids", ids).query(row -> {
                            rowsPerEvent.put(row.getString(1), row.getLong(2));
                        });
                assertThat(rowsPerEvent).hasSize(3 * MESSAGES)
                        .allSatisfy((key, rows) -> assertThat(rows).as(key).isEqualTo(1));
                assertThat(twilio.streamDeliveries()).anySatisfy(delivery -> {
                    assertThat(delivery.delivered()).isTrue();
                    assertThat(delivery.attempt()).isGreaterThan(1);
                });
            } finally {
                second.close();
            }
        }
    }

    private static List<SimulatedMessage> ours(TwilioSimulator twilio, String marker) {
        return twilio.messages().stream().filter(message -> message.body().startsWith(marker)).toList();
    }

    private static long count(JdbcClient database, List<Long> ids, String status) {
        return database.sql("select count(*) from messages where message_id in (:ids) and status = :status")
                .param("ids", ids).param("status", status).query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(TwilioSimulator twilio, int balancerPort) {
        return ServiceInstance.start(
                "--tracker.twilio.account-sid=" + twilio.accountSid(),
                "--tracker.twilio.auth-token=" + twilio.authToken(),
                "--tracker.twilio.api-base-url=" + twilio.baseUrl(),
                "--tracker.twilio.default-from=+15005550006",
                "--tracker.api-key=" + API_KEY,
                "--tracker.webhook.public-base-url=http://localhost:" + balancerPort,
                "--tracker.dispatch.interval=50ms",
                "--tracker.reconcile.enabled=false");
    }
}
