package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.simulator.Outcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The insights API through the running service: messages sent through the API reach their final
 * status at the simulator, then the timeline, the list with its cursor, the failures, the statistics
 * and the CSV export tell the same story. Each test has an organization of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + InsightsSystemTest.API_KEY,
        "tracker.retry.enabled=false",
        "tracker.alerts.interval=1h",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class InsightsSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_insights-system-test-key-long-enough";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TrackerFixture fixture;

    @Autowired
    ManageApiKeys apiKeys;

    private final String prefix = "+3162" + (1000 + ThreadLocalRandom.current().nextInt(8999));
    private final String undelivered = prefix + "9";
    private final String refused = prefix + "8";
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private OrganizationId organization;
    private Instant started;

    @BeforeEach
    void organization() {
        organization = newOrganization();
        api = new ApiClient(port, apiKeys.issue(organization, "insights system test").secret());
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read())
                .withRule("^\\" + undelivered, Outcome.undelivered(30003))
                .withRule("^\\" + refused, Outcome.rejectOnCreate(21610)));
        started = Instant.now().truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void a_delivered_message_has_its_timeline_with_milestones_and_durations_and_its_payload_on_demand() throws Exception {
        String id = send("sms", prefix + "000001", "{\"campaign\":\"spring\"}");
        awaitStatus(List.of(id), "delivered");

        JsonNode timeline = json(api.get("/api/v1/messages/" + id + "/timeline"), 200);

        assertThat(timeline.at("/message/id").asText()).isEqualTo(id);
        assertThat(timeline.at("/message/tags/campaign").asText()).isEqualTo("spring");
        List<String> statuses = new ArrayList<>();
        timeline.get("events").forEach(event -> statuses.add(event.get("status").asText()));
        assertThat(statuses).contains("sent", "delivered");
        assertThat(timeline.at("/message/status").asText()).isEqualTo("delivered");
        // In the order received: a callback may outrun the send call's answer, so no position is assumed.
        assertThat(timeline.get("events")).anySatisfy(event ->
                assertThat(event.get("source").asText()).isEqualTo("send_response"));
        assertThat(timeline.get("events")).anySatisfy(event ->
                assertThat(event.get("source").asText()).isEqualTo("callback"));
        assertThat(timeline.get("events")).allSatisfy(event -> assertThat(event.path("payload").isMissingNode()).isTrue());
        assertThat(timeline.at("/durationsMs/sentToDelivered").isNumber()).isTrue();
        assertThat(timeline.at("/durationsMs/sentToDelivered").asLong()).isNotNegative();

        JsonNode withPayload = json(api.get("/api/v1/messages/" + id + "/timeline?payload=true"), 200);
        assertThat(withPayload.get("events")).anySatisfy(event ->
                assertThat(event.at("/payload/MessageStatus").asText()).isEqualTo("delivered"));
    }

    @Test
    void failures_are_on_the_timeline_including_a_send_failure_without_a_sid() throws Exception {
        String failed = send("sms", undelivered + "00001", null);
        String rejected = send("sms", refused + "00001", null);
        awaitStatus(List.of(failed), "undelivered");
        awaitStatus(List.of(rejected), "failed");

        JsonNode undeliveredEvents = json(api.get("/api/v1/messages/" + failed + "/timeline"), 200).get("events");
        assertThat(undeliveredEvents).anySatisfy(event -> {
            assertThat(event.get("status").asText()).isEqualTo("undelivered");
            assertThat(event.at("/error/code").asInt()).isEqualTo(30003);
            assertThat(event.at("/error/meaning").asText()).isEqualTo("Unreachable destination handset");
        });
        JsonNode rejectedEvents = json(api.get("/api/v1/messages/" + rejected + "/timeline"), 200).get("events");
        assertThat(rejectedEvents).singleElement().satisfies(event -> {
            assertThat(event.get("source").asText()).isEqualTo("send_failure");
            assertThat(event.path("sid").isMissingNode()).isTrue();
            assertThat(event.at("/error/code").asInt()).isEqualTo(21610);
        });
    }

    @Test
    void another_organization_sees_neither_the_timeline_nor_the_messages() throws Exception {
        String id = send("sms", prefix + "000002", null);
        awaitStatus(List.of(id), "delivered");
        ApiClient other = new ApiClient(port, apiKeys.issue(newOrganization(), "other").secret());

        assertThat(other.get("/api/v1/messages/" + id + "/timeline").statusCode()).isEqualTo(404);
        assertThat(json(other.get("/api/v1/messages"), 200).get("items")).isEmpty();
    }

    @Test
    void the_list_pages_newest_first_with_a_cursor_and_filters_narrow_it() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(send("sms", prefix + "10000" + i, i % 2 == 0 ? "{\"campaign\":\"spring\"}" : null));
        }
        String whatsapp = send("whatsapp", prefix + "200001", null);
        String failed = send("sms", undelivered + "00002", "{\"campaign\":\"spring\"}");
        awaitStatus(ids, "delivered");
        awaitStatus(List.of(whatsapp), "read");
        awaitStatus(List.of(failed), "undelivered");

        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(api.get("/api/v1/messages?limit=2" + (next == null ? "" : "&cursor=" + next)), 200);
            page.get("items").forEach(item -> paged.add(item.get("id").asText()));
            next = page.path("next").isMissingNode() ? null : page.get("next").asText();
            pages++;
        } while (next != null);
        List<String> newestFirst = new ArrayList<>(ids);
        newestFirst.add(whatsapp);
        newestFirst.add(failed);
        newestFirst.sort((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);

        assertThat(ids(api.get("/api/v1/messages?status=undelivered"))).containsExactly(failed);
        assertThat(ids(api.get("/api/v1/messages?errorCode=30003"))).containsExactly(failed);
        assertThat(ids(api.get("/api/v1/messages?channel=whatsapp"))).containsExactly(whatsapp);
        assertThat(ids(api.get("/api/v1/messages?tag=campaign:spring"))).containsExactly(failed, ids.get(2), ids.get(0));
        assertThat(ids(api.get("/api/v1/messages?to=%2B" + (prefix + "100001").substring(1))))
                .containsExactly(ids.get(1));
        String sid = json(api.get("/api/v1/messages/" + ids.get(3) + "/timeline"), 200).at("/message/sid").asText();
        assertThat(ids(api.get("/api/v1/messages?sid=" + sid))).containsExactly(ids.get(3));
        assertThat(ids(api.get("/api/v1/messages?sid=" + sid.substring(0, 30)))).containsExactly(ids.get(3));
        assertThat(ids(api.get("/api/v1/messages?sid=" + sid.substring(0, 30).toUpperCase(java.util.Locale.ROOT)))).isEmpty();
        assertThat(fields(json(api.get("/api/v1/messages?sid=SM%25"), 400))).containsExactly("sid");
        assertThat(ids(api.get("/api/v1/messages?until=" + started.minus(Duration.ofDays(1))))).isEmpty();

        HttpResponse<String> bad = api.get("/api/v1/messages?limit=500&status=nonsense&cursor=xyz");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad, 400))).containsExactlyInAnyOrder("status", "cursor", "limit");
    }

    @Test
    void failures_statistics_and_the_csv_export_agree_with_what_was_sent() throws Exception {
        List<String> fine = List.of(send("sms", prefix + "300001", null), sendFrom("+15005550006", prefix + "300002"),
                send("sms", prefix + "300003", "{\"note\":\"a, \\\"quoted\\\" one\"}"));
        String whatsapp = send("whatsapp", prefix + "300004", null);
        List<String> failing = List.of(send("sms", undelivered + "00003", null), send("sms", undelivered + "00004", null));
        awaitStatus(fine, "delivered");
        awaitStatus(List.of(whatsapp), "read");
        awaitStatus(failing, "undelivered");
        String range = "from=" + started.minus(Duration.ofHours(1)) + "&until=" + started.plus(Duration.ofHours(2));

        JsonNode failures = json(api.get("/api/v1/failures?" + range), 200);
        assertThat(failures.get("total").asLong()).isEqualTo(2);
        assertThat(failures.get("failures")).singleElement().satisfies(group -> {
            assertThat(group.get("errorCode").asInt()).isEqualTo(30003);
            assertThat(group.get("undelivered").asLong()).isEqualTo(2);
            assertThat(group.get("meaning").asText()).isEqualTo("Unreachable destination handset");
            assertThat(group.get("retryable").asBoolean()).isTrue();
            assertThat(group.get("suggestedAction").asText()).contains("Retry later");
        });

        JsonNode statistics = json(api.get("/api/v1/statistics?" + range + "&interval=hour"), 200);
        JsonNode total = statistics.get("total");
        assertThat(total.get("messages").asLong()).isEqualTo(6);
        assertThat(total.at("/byStatus/delivered").asLong()).isEqualTo(3);
        assertThat(total.at("/byStatus/read").asLong()).isEqualTo(1);
        assertThat(total.at("/byStatus/undelivered").asLong()).isEqualTo(2);
        assertThat(total.get("deliveryRate").asDouble()).isEqualTo(4.0 / 6);
        assertThat(total.get("failureRate").asDouble()).isEqualTo(2.0 / 6);
        assertThat(total.get("readRate").asDouble()).isEqualTo(1.0);
        assertThat(total.at("/timeToDeliverMs/p50").isNumber()).isTrue();
        assertThat(total.at("/timeToDeliverMs/p50").asLong()).isLessThanOrEqualTo(total.at("/timeToDeliverMs/p99").asLong());
        assertThat(total.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asInt()).isEqualTo(30003);
            assertThat(error.get("count").asLong()).isEqualTo(2);
        });
        assertThat(statistics.at("/byChannel/sms/messages").asLong()).isEqualTo(5);
        assertThat(statistics.at("/byChannel/whatsapp/messages").asLong()).isEqualTo(1);
        // Per sender: what the API says equals a count over the same rows.
        Map<String, Long> bySender = new HashMap<>();
        statistics.get("bySender").forEach(sender ->
                bySender.put(sender.get("sender").asText(), sender.at("/figures/messages").asLong()));
        Map<String, Long> counted = new HashMap<>();
        jdbc.sql("""
                select coalesce(from_address, messaging_service_sid, '') as sender, count(*) as n from messages
                where org_id = :org and created_at >= :from and created_at < :until group by 1
                """).param("org", organization.value())
                .param("from", java.sql.Timestamp.from(started.minus(Duration.ofHours(1))))
                .param("until", java.sql.Timestamp.from(started.plus(Duration.ofHours(2))))
                .query((rs, row) -> counted.put(rs.getString("sender").isEmpty() ? "default" : rs.getString("sender"),
                        rs.getLong("n")))
                .list();
        assertThat(bySender).isEqualTo(counted).containsEntry("+15005550006", 1L).containsEntry("default", 5L);
        assertThat(statistics.get("bySender").get(0).get("sender").asText()).isEqualTo("default");
        long inBuckets = 0;
        for (JsonNode bucket : statistics.get("buckets")) {
            inBuckets += bucket.at("/total/messages").asLong();
        }
        assertThat(inBuckets).isEqualTo(6);

        HttpResponse<String> csv = api.get("/api/v1/messages.csv?channel=sms");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment; filename=\"messages-"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1 + 5);
        assertThat(lines[0]).startsWith("id,created_at,channel,to,from,sid,status,error_code");
        assertThat(csv.body()).contains(failing.get(1) + ",").contains(",undelivered,30003,Unreachable destination handset,")
                .contains("\"{\"\"note\"\":\"\"a, \\\"\"quoted\\\"\" one\"\"}\"");
    }

    @Test
    void a_statistics_range_that_is_backwards_or_too_long_is_refused_field_by_field() throws Exception {
        JsonNode backwards = json(api.get("/api/v1/statistics?from=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z"
                + "&interval=week"), 400);
        assertThat(fields(backwards)).containsExactlyInAnyOrder("until", "interval");

        JsonNode tooLong = json(api.get("/api/v1/statistics?from=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z"
                + "&interval=hour"), 400);
        assertThat(tooLong.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("until");
            assertThat(error.get("message").asText()).contains("at most 31 days");
        });
        assertThat(json(api.get("/api/v1/statistics?from=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z"
                + "&interval=day"), 200).get("buckets")).isEmpty();
        assertThat(fields(json(api.get("/api/v1/failures?from=yesterday"), 400))).containsExactlyInAnyOrder("from", "until");
    }

    private OrganizationId newOrganization() {
        return fixture.simulatedOrganization(simulator).id();
    }

    private String send(String channel, String to, String tags) throws Exception {
        HttpResponse<String> response = api.post("/api/v1/messages", "{\"channel\":\"" + channel + "\",\"to\":\"" + to
                + "\",\"body\":\"Insights test\"" + (tags == null ? "" : ",\"tags\":" + tags) + "}");
        return json(response, 202).get("id").asText();
    }

    private String sendFrom(String from, String to) throws Exception {
        HttpResponse<String> response = api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + to
                + "\",\"from\":\"" + from + "\",\"body\":\"Insights test\"}");
        return json(response, 202).get("id").asText();
    }

    private void awaitStatus(List<String> ids, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"" + status + "\"");
            }
        });
    }

    private List<String> ids(HttpResponse<String> response) throws Exception {
        List<String> ids = new ArrayList<>();
        json(response, 200).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
