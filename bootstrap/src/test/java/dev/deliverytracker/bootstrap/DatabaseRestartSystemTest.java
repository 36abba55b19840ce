package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.adapter.persistence.DeliveryLogAvailability;
import dev.deliverytracker.application.port.in.ReconcileMessages;
import dev.deliverytracker.simulator.CallbackAttempt;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped under load for longer than Twilio's 15-second retry budget, then started again:
 * the embedded simulator keeps posting callbacks and gives up on them after the budget, as Twilio
 * does. Callbacks get 503 meanwhile, nothing answered 200 is lost, the service comes back without a
 * restart of its own, and the reconciler closes the gap Twilio left by polling the messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + DatabaseRestartSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.pacing.enabled=false",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.retention.enabled=false",
        // The test runs the reconciler's use case itself once the database is back (see ReconcileSystemTest).
        "tracker.reconcile.enabled=false",
        "tracker.reconcile.queued-age=0s",
        "tracker.reconcile.sent-age=0s",
        "tracker.reconcile.poll-interval=1s",
        // A run the outage cuts short keeps its lock until then.
        "tracker.reconcile.lock-at-most-for=PT6S",
        "tracker.reconcile.fetches-per-second=1000"})
class DatabaseRestartSystemTest {

    static final String API_KEY = "dt_database-restart-system-test-key-01";
    private static final int MESSAGES = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(17);

    private static final StoppablePostgres postgres = StoppablePostgres.start("restart-pg");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TwilioSimulator simulator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReconcileMessages reconcile;

    @Autowired
    DeliveryLogAvailability availability;

    @Test
    void an_outage_longer_than_twilios_retry_budget_loses_nothing_acknowledged_and_is_reconciled() throws Exception {
        ApiClient api = new ApiClient(port, API_KEY);
        String batch = "restart-" + ThreadLocalRandom.current().nextInt(1_000_000);
        // Callbacks a few seconds apart, so most of them fall into the outage.
        simulator.behaviour(simulator.behaviour().withDelays(2_000, 8_000));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            HttpResponse<String> accepted = api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+3166"
                    + String.format("%07d", i) + "\",\"body\":\"" + batch + " #" + i + "\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            ids.add(Long.parseLong(accepted.body().replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sentToTwilio(ids) == MESSAGES);

        Instant stopped = Instant.now();
        postgres.stop();
        // Throughout the outage no callback is acknowledged: each is refused with 503, so Twilio retries
        // it within its budget or gives up on it, and none is acknowledged and then lost.
        await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(() -> simulator.callbackAttempts().stream()
                .noneMatch(attempt -> attempt.responseCode() == 200 && Instant.parse(attempt.at()).isAfter(stopped)));
        postgres.restart();

        // The service takes callbacks again by itself: no restart, and no callback is refused any more.
        await().atMost(Duration.ofSeconds(30)).until(() -> availability.unreachableSince().isEmpty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reconcile.reconcileStale();
            return delivered(ids) == MESSAGES;
        });

        List<CallbackAttempt> ours = simulator.callbackAttempts().stream()
                .filter(attempt -> attempt.url().contains("/twilio-status")).toList();
        assertThat(ours).as("callbacks refused during the outage").anyMatch(attempt -> attempt.responseCode() == 503);
        for (CallbackAttempt acknowledged : ours.stream().filter(attempt -> attempt.responseCode() == 200).toList()) {
            assertThat(jdbc.sql("""
                    select count(*) from message_delivery_log where provider_sid = :sid and status = :status
                        and source = 'callback'
                    """).param("sid", acknowledged.messageSid()).param("status", acknowledged.status())
                    .query(Long.class).single()).as("%s %s", acknowledged.messageSid(), acknowledged.status())
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                select count(*) from message_delivery_log where message_id in (:ids) and source = 'poll'
                """).param("ids", ids).query(Long.class).single())
                .as("the reconciler polled what Twilio gave up on").isPositive();
    }

    private long sentToTwilio(List<Long> ids) {
        return jdbc.sql("select count(*) from messages where message_id in (:ids) and whatsapp_msg_sid is not null")
                .param("ids", ids).query(Long.class).single();
    }

    private long delivered(List<Long> ids) {
        try {
            return jdbc.sql("select count(*) from messages where message_id in (:ids) and status = 'delivered'")
                    .param("ids", ids).query(Long.class).single();
        } catch (RuntimeException stillRecovering) {
            return -1;
        }
    }


}
