package dev.deliverytracker.adapter.web.outbound;

import dev.deliverytracker.application.port.out.AlertNotification;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.NotificationOutcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an alert or recovery to the rule's webhook: Slack's {@code {"text", "blocks"}} or a plain JSON
 * object. One attempt within a timeout; any failure is answered as an outcome (kept in the history),
 * never thrown into the evaluation round. Only the webhook's scheme and host are logged.
 */
public final class WebhookAlertNotifier implements AlertNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;

    public WebhookAlertNotifier(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        // Redirects are not followed: a webhook that moved should be changed, not chased.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NotificationOutcome notify(AlertNotification notification) {
        String target = notification.rule().webhook().masked();
        try {
            HttpRequest request = HttpRequest.newBuilder(notification.rule().webhook().value())
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "delivery-tracker-alerts")
                    .POST(HttpRequest.BodyPublishers.ofString(body(notification)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return new NotificationOutcome.Sent(response.statusCode());
            }
            return failed(notification, "HTTP " + response.statusCode() + " from " + target);
        } catch (HttpTimeoutException slow) {
            return failed(notification, "no answer from " + target + " within " + timeout.toMillis() + " ms");
        } catch (IOException unreachable) {
            return failed(notification, unreachable.getClass().getSimpleName() + " posting to " + target);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return failed(notification, "interrupted posting to " + target);
        } catch (RuntimeException broken) {
            return failed(notification, broken.getClass().getSimpleName() + " posting to " + target);
        }
    }

    static String body(AlertNotification notification) {
        return JSON.writeValueAsString(notification.rule().format() == NotificationFormat.SLACK
                ? slack(notification) : plain(notification));
    }

    private static Map<String, Object> plain(AlertNotification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", notification.rule().organization().toString());
        body.put("rule", Map.of("id", notification.rule().id().toString(), "kind",
                notification.rule().condition().kind(), "description", notification.rule().condition().describe()));
        body.put("state", notification.state().wireName());
        body.put("message", notification.message());
        body.put("startedAt", notification.startedAt().toString());
        if (notification.state() == AlertNotification.State.RESOLVED) {
            body.put("resolvedAt", notification.at().toString());
        }
        return body;
    }

    private static Map<String, Object> slack(AlertNotification notification) {
        boolean firing = notification.state() == AlertNotification.State.FIRING;
        String headline = (firing ? ":rotating_light: Alert: " : ":white_check_mark: Resolved: ")
                + notification.rule().condition().describe();
        String text = headline + "\n" + notification.message();
        String context = "organization " + notification.rule().organization() + " · rule "
                + notification.rule().id() + " · started " + notification.startedAt()
                + (firing ? "" : " · resolved " + notification.at());
        return Map.of("text", text, "blocks", List.of(
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*" + headline + "*\n"
                        + notification.message())),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", context)))));
    }

    private static NotificationOutcome failed(AlertNotification notification, String reason) {
        LOG.warn("alert notification failed rule={} org={} state={} reason={}", notification.rule().id(),
                notification.rule().organization(), notification.state().wireName(), reason);
        return new NotificationOutcome.Failed(reason);
    }
}
