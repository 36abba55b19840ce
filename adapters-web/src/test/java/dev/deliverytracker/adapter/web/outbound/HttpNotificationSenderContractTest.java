package dev.deliverytracker.adapter.web.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.fake.NotificationSenderContract;
import dev.deliverytracker.application.port.out.NotificationSender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The HTTP sender held to the senders' contract, with receivers on loopback (allowed by the development setting). */
class HttpNotificationSenderContractTest extends NotificationSenderContract {

    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private HttpServer server;
    private HttpNotificationSender sender;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // /answer/<status>/<receiver>: keeps the body, answers the status.
        server.createContext("/answer/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>())
                    .add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(Integer.parseInt(path.split("/")[2]), -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        sender = new HttpNotificationSender(new ReceiverAddressGuard(false, true, ReceiverAddressGuard.systemResolver()),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 8, threads);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    protected NotificationSender sender() {
        return sender;
    }

    @Override
    protected URI answering(int status) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/answer/" + status + "/"
                + UUID.randomUUID());
    }

    @Override
    protected URI unreachable() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/nobody");
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    protected URI forbidden() {
        return URI.create("http://10.0.0.1:9/answer/200/" + UUID.randomUUID());
    }

    @Override
    protected List<String> receivedAt(URI url) {
        return received.getOrDefault(url.getPath(), List.of());
    }
}
