package dev.deliverytracker.bootstrap;

import static dev.deliverytracker.bootstrap.CallbackClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deliverytracker.simulator.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules in docs/monitoring name only metrics that the
 * running service exports at /actuator/prometheus, after the traffic that makes them appear: a send
 * that Twilio takes and calls back about, a send it refuses, a forged callback, an API read, and a
 * status-change notification its receiver refuses (the per-subscription failure counter exists only
 * from a subscription's first failure on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + MonitoringFilesSystemTest.API_KEY,
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms",
        "tracker.notifications.allow-http-loopback=true",
        "tracker.notifications.interval=20ms",
        "tracker.notifications.first-retry-delay=100ms"})
@DirtiesContext
class MonitoringFilesSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_monitoring-files-test-key-0001";
    private static final Path MONITORING = Path.of("..", "docs", "monitoring");

    @Test
    void the_dashboard_and_the_alert_rules_name_only_metrics_the_service_exports() throws Exception {
        Set<String> exported = exportedAfterTraffic();
        Set<String> dashboard = dashboardMetrics();
        Set<String> alerts = alertMetrics();

        assertThat(dashboard).as("metrics the dashboard reads").contains("tracker_callbacks_total",
                "tracker_outbox_lag_seconds", "tracker_ingest_waiting", "tracker_dispatch_sends_total");
        assertThat(alerts).as("metrics the alert rules read").contains("tracker_callbacks_refused_total",
                "tracker_outbox_lag_seconds", "tracker_dispatch_rounds_failed_total");
        Set<String> notifications = Set.of("tracker_notifications_waiting", "tracker_notifications_oldest_age_seconds",
                "tracker_notifications_failures_total", "tracker_notifications_failing_subscriptions",
                "tracker_notifications_dead");
        assertThat(dashboard).as("notification metrics the dashboard reads").containsAll(notifications);
        assertThat(alerts).as("notification metrics the alert rules read").contains(
                "tracker_notifications_oldest_age_seconds", "tracker_notifications_failing_subscriptions",
                "tracker_notifications_dead");
        assertThat(exported).as("a name the service does not export is seen as missing")
                .doesNotContain("tracker_callbacks_refused");
        assertThat(missing(dashboard, exported)).as("dashboard metrics not exported").isEmpty();
        assertThat(missing(alerts, exported)).as("alert rule metrics not exported").isEmpty();
    }

    private Set<String> exportedAfterTraffic() throws Exception {
        ApiClient api = new ApiClient(port, API_KEY);
        try (NotificationReceiver refusing = new NotificationReceiver(NotificationReceiver.Mode.FAIL)) {
            assertThat(api.post("/api/v1/notification-subscriptions", "{\"url\":\"" + refusing.url() + "\"}")
                    .statusCode()).isEqualTo(201);
            String refused = "+3165" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
            simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered())
                    .withRule("^\\" + refused + "$", Outcome.rejectOnCreate(21211)));
            String sent = idOf(api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"+3166"
                    + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)) + "\",\"body\":\"hi\"}"));
            idOf(api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + refused + "\",\"body\":\"hi\"}"));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(api.get("/api/v1/messages/" + sent).body()).contains("\"status\":\"delivered\""));
            Map<String, List<String>> forged = form("MessageSid", "SM0123456789abcdef0123456789abcdef",
                    "MessageStatus", "delivered", "AccountSid", simulator.accountSid());
            assertThat(new CallbackClient(port).post("/twilio-status", forged, "bm90LWEtc2lnbmF0dXJl").statusCode())
                    .isEqualTo(403);
            // The failure is counted when the service reads the refusal, a moment after the receiver sent it.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                    refusing.posts.get() > 0 && scrape().contains("tracker_notifications_failures_total{"));
        }
        Set<String> names = new TreeSet<>();
        scrape().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private String scrape() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> names.addAll(PromQlMetricNames.of(expr.asText())));
        dashboard.findValues("definition").forEach(query -> names.addAll(
                PromQlMetricNames.of(query.asText().replaceAll("label_values\\(([^,]+),.*", "$1"))));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("prometheus-alerts.yml")));
        Set<String> names = new TreeSet<>();
        for (Object group : (List<Object>) rules.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                names.addAll(PromQlMetricNames.of(((Map<String, Object>) rule).get("expr").toString()));
            }
        }
        return names;
    }

    private static Set<String> missing(Set<String> named, Set<String> exported) {
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exported);
        return missing;
    }
}
