package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.in.EvaluateAlerts;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A failure-rate spike through the whole service: messages sent through the API fail at the
 * simulator, an evaluation raises one alert at a local webhook receiver, successful messages bring
 * the rate down, and the next evaluation sends one recovery. Each test has an organization of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + AlertSystemTest.API_KEY,
        "tracker.alerts.interval=1h",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@DirtiesContext
class AlertSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_alert-system-test-key-of-enough-length";

    @Autowired
    TrackerFixture fixture;

    @Autowired
    Organizations organizations;

    @Autowired
    ManageApiKeys apiKeys;

    @Autowired
    EvaluateAlerts evaluateAlerts;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private ApiClient api;
    private final String failingPrefix = "+3169" + (100 + ThreadLocalRandom.current().nextInt(899));

    @BeforeEach
    void organizationAndReceiver() throws IOException {
        AccountSid account = DeliveryStoreContract.randomAccount();
        String token = "alert-test-token-" + ThreadLocalRandom.current().nextInt(1_000_000);
        simulator.registerAccount(account.value(), token);
        OrganizationId org = fixture.organizationOf(account, token);
        organizations.defaultSender(org, new Sender.Number(Address.sms("+15005550006")));
        api = new ApiClient(port, apiKeys.issue(org, "alert system test").secret());
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.delivered())
                .withRule("^\\" + failingPrefix, Outcome.failed(30007)));

        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_failure_rate_spike_raises_one_alert_and_one_recovery_at_the_webhook() {
        HttpResponse<String> created = api.post("/api/v1/alerts/rules", """
                {"kind":"failure_rate","parameters":{"window":"15m","threshold":0.25,"minimumVolume":5},
                 "webhookUrl":"http://127.0.0.1:%d/alerts","format":"json"}""".formatted(receiver.getAddress().getPort()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"kind\":\"failure_rate\"").contains("\"webhook\":\"http://127.0.0.1:");

        List<String> failing = send(6, failingPrefix);
        awaitStatus(failing, "failed");
        evaluateAlerts.evaluateAll();
        evaluateAlerts.evaluateAll();

        assertThat(received).singleElement().satisfies(alert -> assertThat(alert)
                .contains("\"state\":\"firing\"").contains("failure rate 100% (6 of 6) in the last 15 min, above 25%"));

        List<String> fine = send(20, "+3161" + (100 + ThreadLocalRandom.current().nextInt(899)));
        awaitStatus(fine, "delivered");
        evaluateAlerts.evaluateAll();
        evaluateAlerts.evaluateAll();

        assertThat(received).hasSize(2);
        assertThat(received.get(1)).contains("\"state\":\"resolved\"")
                .contains("failure rate 23.1% (6 of 26) in the last 15 min, at or below 25%").contains("\"resolvedAt\"");
        String history = api.get("/api/v1/alerts/history").body();
        assertThat(history).contains("\"state\":\"resolved\"").contains("\"alert\":{\"status\":\"sent\",\"detail\":\"HTTP 204\"}")
                .contains("\"recovery\":{\"status\":\"sent\"");
    }

    @Test
    void bad_rules_are_refused_with_every_field_named_and_rules_stay_in_their_organization() {
        HttpResponse<String> bad = api.post("/api/v1/alerts/rules", """
                {"kind":"failure_rate","parameters":{"window":"soon","threshold":"lots"},"webhookUrl":"ftp://x/y"}""");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"parameters.window\"").contains("\"field\":\"parameters.threshold\"")
                .contains("\"field\":\"webhookUrl\"");
        assertThat(api.post("/api/v1/alerts/rules", "{\"kind\":\"weather\"}").body()).contains("\"field\":\"kind\"");

        String id = idOf(api.post("/api/v1/alerts/rules", """
                {"kind":"error_burst","parameters":{"errorCode":30007,"window":"5m","minimumCount":3},
                 "webhookUrl":"https://hooks.example.com/services/SECRET","format":"slack"}"""));
        assertThat(api.get("/api/v1/alerts/rules").body()).contains("\"id\":\"" + id + "\"")
                .contains("https://hooks.example.com/…").doesNotContain("SECRET");
        ApiClient otherOrganization = new ApiClient(port, API_KEY);
        assertThat(otherOrganization.get("/api/v1/alerts/rules").body()).doesNotContain("\"id\":\"" + id + "\"");
        assertThat(otherOrganization.delete("/api/v1/alerts/rules/" + id).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/alerts/rules/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/alerts/rules").body()).isEqualTo("[]");
    }

    private List<String> send(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(idOf(api.post("/api/v1/messages", "{\"channel\":\"sms\",\"to\":\"" + prefix
                    + String.format("%05d", i) + "\",\"body\":\"Alert test " + i + "\"}")));
        }
        return ids;
    }

    private void awaitStatus(List<String> ids, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(api.get("/api/v1/messages/" + id).body()).contains("\"status\":\"" + status + "\"");
            }
        });
    }

}
