package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.ServiceInstance.portOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.simulator.SimulatedMessage;
import dev.deliverytracker.simulator.SimulatorSettings;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three instances of the service on loopback over one PostgreSQL, behind a round-robin balancer,
 * sending through one Twilio (the simulator, which duplicates some callbacks: they land on different
 * instances). One instance is stopped mid-run (its context closed; an in-JVM test cannot kill -9 it).
 * Every message is sent exactly once, every message ends in the status Twilio reached, no callback is
 * recorded twice, and a job lock held by one instance keeps the others out.
 */
class SeveralInstancesSystemTest {

    private static final String API_KEY = "dt_several-instances-test-key-0001";
    private static final int MESSAGES = 90;

    @Test
    void three_instances_send_each_message_once_and_record_each_callback_once_even_when_one_stops() throws Exception {
        String batch = "several-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults());
                RoundRobinProxy balancer = new RoundRobinProxy()) {
            twilio.behaviour(twilio.behaviour().withDelays(0, 50).withDuplicateRate(0.2).withOutOfOrderRate(0.2));
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            int[] ports = new int[3];
            for (int i = 0; i < 3; i++) {
                ConfigurableApplicationContext instance = start(twilio, balancer.port());
                instances.add(instance);
                ports[i] = portOf(instance);
                int index = i;
                balancer.add(() -> ports[index]);
            }

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 2) {
                    // One instance goes away mid-run; the balancer sends to the others from now on.
                    ports[1] = 0;
                    instances.get(1).close();
                }
                int port = ports[i % 3] > 0 ? ports[i % 3] : ports[0];
                HttpResponse<String> response = new ApiClient(port, API_KEY).post("/api/v1/messages",
                        "{\"channel\":\"sms\",\"to\":\"+3164" + String.format("%07d", i) + "\",\"body\":\"" + batch
                                + " #" + i + "\"}");
                assertThat(response.statusCode()).isEqualTo(202);
                ids.add(response.body().replaceAll(".*\"id\":\"(\\d+)\".*", "$1"));
            }

            JdbcClient database = JdbcClient.create(instances.get(0).getBean(javax.sql.DataSource.class));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    database.sql("select count(*) from messages where message_id in (:ids) and status = 'delivered'")
                            .param("ids", ids.stream().map(Long::parseLong).toList()).query(Long.class).single()
                            == MESSAGES);

            List<SimulatedMessage> sent = twilio.messages().stream().filter(m -> m.body().startsWith(batch)).toList();
            Map<String, Long> sendsPerMessage = sent.stream().collect(Collectors.groupingBy(
                    m -> m.statusCallback().replaceAll(".*mid=(\\d+).*", "$1"), Collectors.counting()));
            assertThat(sendsPerMessage).hasSize(MESSAGES).allSatisfy((mid, count) -> assertThat(count).isEqualTo(1));

            Map<String, Long> rowsPerEvent = new HashMap<>();
            database.sql("""
                    select dedupe_key, count(*) from message_delivery_log where message_id in (:ids) group by dedupe_key
                    """).param("ids", ids.stream().map(Long::parseLong).toList())
                    .query(row -> {
                        rowsPerEvent.put(row.getString(1), row.getLong(2));
                    });
            assertThat(rowsPerEvent).isNotEmpty().allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
            // queued (send answer), sent and delivered for each message: nothing lost, nothing twice.
            assertThat(rowsPerEvent).hasSize(3 * MESSAGES);

            // The scheduled jobs' lock is shared through the database: while one instance holds a job's
            // lock, the other instances cannot take it, so that job runs on one instance at a time.
            LockProvider first = instances.get(0).getBean(LockProvider.class);
            LockProvider third = instances.get(2).getBean(LockProvider.class);
            LockConfiguration reconcile = new LockConfiguration(Instant.now(), "reconcile", Duration.ofMinutes(1),
                    Duration.ZERO);
            Optional<SimpleLock> held = first.lock(reconcile);
            assertThat(held).isPresent();
            assertThat(third.lock(reconcile)).as("another instance while the lock is held").isEmpty();
            held.get().unlock();
            Optional<SimpleLock> afterwards = third.lock(reconcile);
            assertThat(afterwards).as("another instance once it is free").isPresent();
            afterwards.get().unlock();

            for (ConfigurableApplicationContext instance : instances) {
                instance.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(TwilioSimulator twilio, int balancerPort) {
        return ServiceInstance.start(
                "--tracker.twilio.account-sid=" + twilio.accountSid(),
                "--tracker.twilio.auth-token=" + twilio.authToken(),
                "--tracker.twilio.api-base-url=" + twilio.baseUrl(),
                "--tracker.twilio.default-from=+15005550006",
                "--tracker.api-key=" + API_KEY,
                "--tracker.webhook.public-base-url=http://localhost:" + balancerPort,
                "--tracker.dispatch.interval=50ms");
    }
}
