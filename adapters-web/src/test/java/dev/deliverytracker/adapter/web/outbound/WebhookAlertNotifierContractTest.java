package dev.deliverytracker.adapter.web.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.fake.AlertNotifierContract;
import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.WebhookUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The webhook notifier against a real HTTP server on loopback, one path per webhook. */
class WebhookAlertNotifierContractTest extends AlertNotifierContract {

    private final WebhookAlertNotifier notifier = new WebhookAlertNotifier(Duration.ofSeconds(2));
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger hooks = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Override
    protected AlertNotifier notifier() {
        return notifier;
    }

    @Override
    protected WebhookUrl answering(int status) {
        String path = "/services/T" + hooks.incrementAndGet() + "/secret";
        received.put(path, new AtomicInteger());
        server.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.get(path).incrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return WebhookUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    protected WebhookUrl unreachable() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return WebhookUrl.parse("http://127.0.0.1:" + socket.getLocalPort() + "/services/T0/secret");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected int received(WebhookUrl webhook) {
        return received.get(webhook.value().getPath()).get();
    }
}
