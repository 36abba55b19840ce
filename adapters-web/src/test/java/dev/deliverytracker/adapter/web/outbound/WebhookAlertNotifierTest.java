package dev.deliverytracker.adapter.web.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against a real HTTP server on loopback. */
class WebhookAlertNotifierTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void a_slack_alert_is_posted_with_text_and_blocks() {
        NotificationOutcome outcome = new WebhookAlertNotifier(Duration.ofSeconds(2))
                .notify(notification("/hook", NotificationFormat.SLACK, AlertNotification.State.FIRING));

        assertThat(outcome).isEqualTo(new NotificationOutcome.Sent(200));
        assertThat(bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"text\":\":rotating_light: Alert: failure rate above 10% over 15 min (at least 50 messages)\\n"
                        + "failure rate 23% (46 of 200) in the last 15 min, above 10%\"")
                .contains("\"blocks\":[{").contains("\"type\":\"mrkdwn\""));
    }

    @Test
    void a_plain_json_recovery_names_organization_rule_state_and_times() {
        new WebhookAlertNotifier(Duration.ofSeconds(2))
                .notify(notification("/hook", NotificationFormat.JSON, AlertNotification.State.RESOLVED));

        assertThat(bodies).singleElement().satisfies(body -> assertThat(body)
                .contains("\"organization\":\"7\"").contains("\"id\":\"3\"").contains("\"kind\":\"failure_rate\"")
                .contains("\"state\":\"resolved\"").contains("\"startedAt\":\"2026-03-01T10:00:00Z\"")
                .contains("\"resolvedAt\":\"2026-03-01T10:05:00Z\""));
    }

    @Test
    void an_error_status_is_a_failed_outcome_not_an_exception() {
        status = 500;

        NotificationOutcome outcome = new WebhookAlertNotifier(Duration.ofSeconds(2))
                .notify(notification("/hook", NotificationFormat.JSON, AlertNotification.State.FIRING));

        assertThat(outcome).isEqualTo(new NotificationOutcome.Failed("HTTP 500 from http://127.0.0.1:"
                + server.getAddress().getPort() + "/…"));
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_a_failed_outcome() {
        NotificationOutcome outcome = new WebhookAlertNotifier(Duration.ofMillis(300))
                .notify(notification("/slow", NotificationFormat.JSON, AlertNotification.State.FIRING));

        assertThat(outcome).isInstanceOf(NotificationOutcome.Failed.class);
        assertThat(((NotificationOutcome.Failed) outcome).reason()).contains("within 300 ms").doesNotContain("/slow");
    }

    @Test
    void nobody_listening_is_a_failed_outcome() {
        int port = server.getAddress().getPort();
        server.stop(0);

        NotificationOutcome outcome = new WebhookAlertNotifier(Duration.ofSeconds(1)).notify(new AlertNotification(
                rule("http://127.0.0.1:" + port + "/hook", NotificationFormat.SLACK), AlertNotification.State.FIRING,
                "x", STARTED, STARTED));

        assertThat(outcome).isInstanceOf(NotificationOutcome.Failed.class);
    }

    private AlertNotification notification(String path, NotificationFormat format, AlertNotification.State state) {
        AlertRule rule = rule("http://127.0.0.1:" + server.getAddress().getPort() + path, format);
        return new AlertNotification(rule, state, "failure rate 23% (46 of 200) in the last 15 min, above 10%",
                STARTED, state == AlertNotification.State.FIRING ? STARTED : STARTED.plusSeconds(300));
    }

    private static AlertRule rule(String url, NotificationFormat format) {
        return AlertRule.restore(AlertRuleId.of(3), OrganizationId.of(7),
                new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.10, 50), WebhookUrl.parse(url), format, true);
    }
}
