package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.deliverytracker.adapter.twilio.BaseUrlOverridingHttpClient;
import dev.deliverytracker.simulator.CallbackAttempt;
import dev.deliverytracker.simulator.EventStreamsSink;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.StreamDelivery;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Both of Twilio's feeds from the simulator at once, as the "done when" asks: the simulator posts
 * every status by callback and, to an Event Streams sink on the same service, in signed batches. A
 * message sent through the API and one another application sent (adopted from its callbacks) are each
 * recorded once per status, whichever feed brings a status first; an inbound WhatsApp message from the
 * simulator becomes an incoming message and opens the window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + EventStreamsFromTheSimulatorSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=40ms",
        "tracker.reconcile.enabled=false"})
@DirtiesContext
class EventStreamsFromTheSimulatorSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_event-streams-simulator-test-key-01";
    private static final String BUSINESS = "+14155238886";

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private EventStreamsSink sink;
    private final String recipient = "+3164" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

    @BeforeEach
    void bothFeeds() {
        api = new ApiClient(port, API_KEY);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read()));
        sink = simulator.addEventStreamsSink(URI.create("http://localhost:" + port + "/twilio-events"),
                simulator.accountSid(), Set.of(), 50, 100, 100, 1000, Duration.ofMinutes(2).toMillis());
    }

    @AfterEach
    void oneFeed() {
        simulator.removeEventStreamsSink(sink.sid());
        api.put("/api/v1/whatsapp-windows/enforcement", "{\"mode\":\"off\"}");
    }

    @Test
    void statuses_of_a_message_sent_through_us_and_of_an_adopted_one_come_by_both_feeds_and_are_recorded_once_each() {
        HttpResponse<String> sent = api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + recipient
                + "\",\"body\":\"Your parcel is on its way\"}");
        assertThat(sent.statusCode()).isEqualTo(202);
        long ours = Long.parseLong(idOf(sent));
        TwilioRestClient otherApplication = new TwilioRestClient.Builder(simulator.accountSid(),
                simulator.authToken()).httpClient(new BaseUrlOverridingHttpClient(simulator.baseUrl())).build();
        String theirSid = Message.creator(new PhoneNumber("whatsapp:" + recipient), new PhoneNumber("whatsapp:" + BUSINESS),
                "Sent by the shop's own app").setStatusCallback(URI.create("http://localhost:" + port + "/twilio-status"))
                .create(otherApplication).getSid();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status(ours).equals("read") && jdbc.sql("select status from messages where whatsapp_msg_sid = :sid")
                        .param("sid", theirSid).query(String.class).optional().filter("read"::equals).isPresent()
                        && everyBatchTaken() && callbacksPosted(sidOf(ours)) >= 3 && callbacksPosted(theirSid) >= 3);

        long theirs = jdbc.sql("select message_id from messages where whatsapp_msg_sid = :sid and origin = 'external'")
                .param("sid", theirSid).query(Long.class).single();
        for (long message : List.of(ours, theirs)) {
            Map<String, Long> rowsPerStatus = rowsPerStatus(message);
            assertThat(rowsPerStatus).as("message %s", message).containsKeys("sent", "delivered", "read")
                    .allSatisfy((status, rows) -> assertThat(rows).as(status).isEqualTo(1));
        }
        // Which feed brings a status first is a race; that both brought every one is what matters.
        assertThat(simulator.streamDeliveries().stream().filter(delivery -> delivery.sinkSid().equals(sink.sid()))
                .flatMap(delivery -> delivery.types().stream()))
                .as("every status came by the stream too").filteredOn(type -> type.endsWith(".read"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from messages where whatsapp_msg_sid = :sid").param("sid", theirSid)
                .query(Long.class).single()).as("adopted once").isEqualTo(1);
    }

    @Test
    void an_inbound_message_from_the_simulator_is_an_incoming_message_that_opens_the_window() {
        assertThat(api.put("/api/v1/whatsapp-windows/enforcement", "{\"mode\":\"refuse\"}").statusCode())
                .isEqualTo(200);
        String neverWrote = "+3165" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String sid = simulator.receiveInboundMessage(simulator.accountSid(), "whatsapp:" + recipient,
                "whatsapp:" + BUSINESS, "Where is my parcel?");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                "select count(*) from messages where whatsapp_msg_sid = :sid and direction = 'incoming'")
                .param("sid", sid).query(Long.class).single() == 1);

        assertThat(api.get("/api/v1/messages?direction=incoming&sid=" + sid).body())
                .contains("\"from\":\"" + recipient + "\"").contains("\"status\":\"received\"");
        assertThat(api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + recipient
                + "\",\"body\":\"It leaves today\"}").statusCode()).isEqualTo(202);
        HttpResponse<String> outside = api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + neverWrote
                + "\",\"body\":\"It leaves today\"}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).contains("63016");
        assertThat(api.get("/api/v1/conversations?recipient=whatsapp:" + recipient.replace("+", "%2B")).body())
                .contains("\"direction\":\"incoming\"").contains("Where is my parcel?")
                .contains("\"direction\":\"outgoing\"").contains("It leaves today");
    }

    private String status(long id) {
        return jdbc.sql("select status from messages where message_id = :id").param("id", id).query(String.class)
                .single();
    }

    private String sidOf(long id) {
        return jdbc.sql("select coalesce(whatsapp_msg_sid, '') from messages where message_id = :id").param("id", id)
                .query(String.class).single();
    }

    private long callbacksPosted(String sid) {
        return simulator.callbackAttempts().stream().filter(attempt -> attempt.messageSid().equals(sid))
                .map(CallbackAttempt::status).distinct().count();
    }

    /** Every batch the simulator made for this test's sink has been answered 2xx at its latest try. */
    private boolean everyBatchTaken() {
        Map<String, StreamDelivery> latest = new HashMap<>();
        simulator.streamDeliveries().stream().filter(delivery -> delivery.sinkSid().equals(sink.sid()))
                .forEach(delivery -> latest.put(delivery.batchId(), delivery));
        return !latest.isEmpty() && latest.values().stream().allMatch(StreamDelivery::delivered);
    }

    private Map<String, Long> rowsPerStatus(long message) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.sql("select status, count(*) from message_delivery_log where message_id = :id group by status")
                .param("id", message).query(row -> {
                    rows.put(row.getString(1), row.getLong(2));
                });
        return rows;
    }
}
