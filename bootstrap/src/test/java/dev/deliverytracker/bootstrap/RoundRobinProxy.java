package dev.deliverytracker.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A load balancer for tests: forwards each request to the next live instance, and to the one after
 * it when an instance does not answer (as a balancer's health check would), keeping the headers
 * Twilio signs with.
 */
final class RoundRobinProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<IntSupplier> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    RoundRobinProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A backend by its port, read at each request: 0 or less means it is down. */
    void add(IntSupplier port) {
        backends.add(port);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        for (int tries = 0; tries < backends.size(); tries++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size())).getAsInt();
            if (port <= 0) {
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "X-Twilio-Signature", "I-Twilio-Idempotency-Token",
                    "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            // The instance must rebuild the URL Twilio signed: the balancer's own address.
            request.header("X-Forwarded-Host", "localhost:" + port());
            request.header("X-Forwarded-Proto", "http");
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
                return;
            } catch (IOException unreachable) {
                // That instance is gone: try the next one, as a balancer would.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        exchange.sendResponseHeaders(502, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
