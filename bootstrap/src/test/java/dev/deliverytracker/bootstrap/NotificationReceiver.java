package dev.deliverytracker.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver of notifications on loopback, written as a team would write one: it checks each
 * Standard Webhooks signature with its own HMAC code (not the service's), refuses a stale timestamp,
 * dedupes by {@code webhook-id}, and answers as the test tells it (take, fail with 500, take slowly, or
 * hang past the service's answer timeout).
 */
final class NotificationReceiver implements AutoCloseable {

    enum Mode { TAKE, FAIL, SLOW, HANG }

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Mode mode;
    private volatile String secret;
    final Map<String, String> events = new ConcurrentHashMap<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final List<Long> lagMillis = Collections.synchronizedList(new ArrayList<>());
    final Set<String> types = ConcurrentHashMap.newKeySet();

    NotificationReceiver(Mode mode) throws IOException {
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void mode(Mode next) {
        this.mode = next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try {
            posts.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode current = mode;
            if (current == Mode.SLOW) {
                // Answers, but only after five seconds: within the service's answer timeout of the test.
                sleep(Duration.ofSeconds(5));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (current == Mode.HANG) {
                // Holds the connection for a minute, far past the service's answer timeout in the tests.
                sleep(Duration.ofMinutes(1));
                return;
            }
            if (current == Mode.FAIL) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String text = new String(body, StandardCharsets.UTF_8);
            if (!verified(id, timestamp, text, signatures)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (events.putIfAbsent(id, text) != null) {
                duplicates.incrementAndGet();
            } else {
                Matcher at = TIMESTAMP.matcher(text);
                if (at.find()) {
                    lagMillis.add(Duration.between(Instant.parse(at.group(1)), Instant.now()).toMillis());
                }
                Matcher type = Pattern.compile("\"type\":\"([a-z._]+)\"").matcher(text);
                if (type.find()) {
                    types.add(type.group(1));
                }
            }
            exchange.sendResponseHeaders(204, -1);
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private boolean verified(String id, String timestamp, String body, String signatures) {
        if (id == null || timestamp == null || signatures == null || secret == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception broken) {
            return false;
        }
    }

    long lagPercentile(double percentile) {
        List<Long> sorted;
        synchronized (lagMillis) {
            sorted = new ArrayList<>(lagMillis);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100 * sorted.size()) - 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
