package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.application.port.in.ReconcileMessages;
import dev.deliverytracker.simulator.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Lost callbacks closed by the reconciler, end to end: the API, the dispatcher, twilio-java, the
 * embedded simulator playing a Twilio whose callbacks never arrive (a silent outcome: the message
 * moves at "Twilio", nothing is posted), and the reconcile use case asking Twilio. The schedule is off;
 * the test runs the use case itself, with ages of zero so a message is stale at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + ReconcileSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.reconcile.enabled=false",
        "tracker.retention.enabled=false",
        "tracker.reconcile.queued-age=0s",
        "tracker.reconcile.sent-age=0s",
        "tracker.reconcile.poll-interval=0s",
        // The test database is shared with other classes, whose stale messages are candidates too.
        "tracker.reconcile.batch-size=5000",
        "tracker.reconcile.fetches-per-second=1000"})
@DirtiesContext
class ReconcileSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_reconcile-system-test-key-long-enough";

    @Autowired
    ReconcileMessages reconcile;

    @Autowired
    JdbcClient jdbc;

    private final String recipient = "+3162" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, API_KEY);
    }

    @Test
    void a_message_whose_callbacks_were_all_lost_is_reconciled_to_its_true_status_with_a_poll_in_its_history() {
        simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$",
                Outcome.silent(Outcome.delivered())));
        long id = send();
        String sid = awaitSid(id);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered".equals(simulator.message(sid).orElseThrow().status()));
        assertThat(simulator.callbackAttempts()).noneMatch(attempt -> attempt.messageSid().equals(sid));
        assertThat(status(id)).isEqualTo("queued");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reconcile.reconcileStale();
            return "delivered".equals(status(id));
        });

        assertThat(history(id)).contains("send_response:queued", "poll:delivered");
        assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"delivered\"");
    }

    @Test
    void a_message_still_not_final_past_the_horizon_is_marked_unconfirmed_and_no_longer_polled() {
        simulator.behaviour(simulator.behaviour().withRule("^\\" + recipient + "$",
                Outcome.silent(Outcome.sentOnly())));
        long id = send();
        String sid = awaitSid(id);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "sent".equals(simulator.message(sid).orElseThrow().status()));
        // Created four days ago, as far as the reconciler can tell: past the 72-hour horizon.
        jdbc.sql("update messages set created_at = created_at - interval '4 days' where message_id = :id")
                .param("id", id).update();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reconcile.reconcileStale();
            return unconfirmed(id);
        });

        assertThat(status(id)).isEqualTo("sent");
        assertThat(history(id)).contains("poll:sent");
        int polls = polls(id);
        reconcile.reconcileStale();
        assertThat(polls(id)).isEqualTo(polls);
    }

    private long send() {
        HttpResponse<String> response = api.post("/api/v1/messages",
                "{\"channel\":\"sms\",\"to\":\"" + recipient + "\",\"body\":\"Where is my parcel?\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Long.parseLong(idOf(response));
    }

    private String awaitSid(long id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select whatsapp_msg_sid from messages where message_id = :id").param("id", id)
                .query(String.class).optional().isPresent());
        return jdbc.sql("select whatsapp_msg_sid from messages where message_id = :id").param("id", id)
                .query(String.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from messages where message_id = :id").param("id", id).query(String.class)
                .single();
    }

    private boolean unconfirmed(long id) {
        return jdbc.sql("select unconfirmed_at is not null from messages where message_id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private int polls(long id) {
        return jdbc.sql("select polls from messages where message_id = :id").param("id", id).query(Integer.class)
                .single();
    }

    private List<String> history(long id) {
        return jdbc.sql("select source || ':' || status from message_delivery_log where message_id = :id "
                + "order by created_at, delivery_id").param("id", id).query(String.class).list();
    }
}
