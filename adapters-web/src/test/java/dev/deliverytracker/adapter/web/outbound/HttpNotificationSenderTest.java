package dev.deliverytracker.adapter.web.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on loopback (allowed here by the development setting). */
class HttpNotificationSenderTest {

    final WebhookSecret secret = WebhookSecret.generate();
    final Map<String, Map<String, List<String>>> received = new ConcurrentHashMap<>();
    final Map<String, String> bodies = new ConcurrentHashMap<>();
    final AtomicInteger redirectTargetHits = new AtomicInteger();
    HttpServer server;
    HttpNotificationSender sender;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.put(id, Map.copyOf(exchange.getRequestHeaders()));
            bodies.put(id, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/target");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        sender = new HttpNotificationSender(new ReceiverAddressGuard(false, true, ReceiverAddressGuard.systemResolver()),
                Duration.ofSeconds(2), Duration.ofMillis(500), Executors.newFixedThreadPool(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_post_carries_the_standard_webhooks_headers_and_the_exact_body() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        ReceiverAnswer answer = send("/ok", "evt_1", "{\"type\":\"message.sent\"}", at);

        assertThat(answer).isEqualTo(new ReceiverAnswer.Took(204));
        Map<String, List<String>> headers = received.get("evt_1");
        assertThat(headers.get("Webhook-timestamp")).containsExactly(Long.toString(at.getEpochSecond()));
        assertThat(headers.get("Content-type")).containsExactly("application/json");
        assertThat(headers.get("Webhook-signature")).containsExactly("v1," + StandardWebhookSignature.sign(secret,
                "evt_1", at.getEpochSecond(), "{\"type\":\"message.sent\"}"));
        assertThat(bodies.get("evt_1")).isEqualTo("{\"type\":\"message.sent\"}");
    }

    @Test
    void a_410_is_gone_and_a_redirect_is_not_followed() throws Exception {
        assertThat(send("/gone", "evt_2", "{}", Instant.now())).isEqualTo(new ReceiverAnswer.Gone());
        assertThat(send("/redirect", "evt_3", "{}", Instant.now())).isEqualTo(new ReceiverAnswer.Declined(307));
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_unreachable_and_a_closed_port_too() throws Exception {
        assertThat(send("/slow", "evt_4", "{}", Instant.now())).isInstanceOfSatisfying(
                ReceiverAnswer.Unreachable.class, unreachable -> assertThat(unreachable.reason()).contains("in time"));
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(sender.send(notification(URI.create("http://127.0.0.1:" + closed + "/x"), "evt_5", "{}",
                Instant.now())).get(5, TimeUnit.SECONDS)).isInstanceOf(ReceiverAnswer.Unreachable.class);
    }

    @Test
    void a_forbidden_address_is_not_contacted_at_all() throws Exception {
        HttpNotificationSender strict = new HttpNotificationSender(
                new ReceiverAddressGuard(false, false, ReceiverAddressGuard.systemResolver()), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Executors.newSingleThreadExecutor());
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
        assertThat(strict.send(notification(url, "evt_6", "{}", Instant.now())).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ReceiverAnswer.Forbidden.class);
        assertThat(received).doesNotContainKey("evt_6");
    }

    private ReceiverAnswer send(String path, String id, String body, Instant at) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return sender.send(notification(url, id, body, at)).get(10, TimeUnit.SECONDS);
    }

    private OutgoingNotification notification(URI url, String id, String body, Instant at) {
        return new OutgoingNotification(new SubscriptionId(1), url, id, body, List.of(secret), at);
    }
}
