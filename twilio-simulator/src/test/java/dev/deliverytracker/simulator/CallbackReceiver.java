package dev.deliverytracker.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A tiny status-callback endpoint: records what the simulator posts, answers as scripted. */
final class CallbackReceiver implements AutoCloseable {

    /** One received callback. */
    record Received(String path, String query, Map<String, String> params, String signature,
                    String idempotencyToken, String userAgent, String contentType) {
        String status() {
            return params.get("MessageStatus");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scriptedCodes = new ConcurrentLinkedDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hang;
    private volatile Consumer<Received> onReceive = r -> { };

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Received one = new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        FormData.parse(body), exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                        exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"),
                        exchange.getRequestHeaders().getFirst("User-Agent"),
                        exchange.getRequestHeaders().getFirst("Content-Type"));
                received.add(one);
                onReceive.accept(one);
                if (hang) {
                    // Holds the answer until the test ends, so the simulator's read timeout fires.
                    released.await(10, TimeUnit.SECONDS);
                }
                Integer code = scriptedCodes.poll();
                exchange.sendResponseHeaders(code == null ? 204 : code, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** The next answers, in order; after them 204. */
    CallbackReceiver answering(Integer... codes) {
        scriptedCodes.addAll(List.of(codes));
        return this;
    }

    CallbackReceiver hanging() {
        hang = true;
        return this;
    }

    CallbackReceiver onReceive(Consumer<Received> action) {
        onReceive = action;
        return this;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String messageSid) {
        return received.stream().filter(r -> messageSid.equals(r.params().get("MessageSid"))).collect(Collectors.toList());
    }

    List<String> statusesFor(String messageSid) {
        return receivedFor(messageSid).stream().map(Received::status).collect(Collectors.toList());
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
