package dev.deliverytracker.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The load a crash meets: clients posting signed status callbacks (each for a SID of its own, so
 * every acknowledged one must be found exactly once), and internal services sending messages. It
 * remembers what the service acknowledged: callbacks answered 200 and messages answered 202.
 */
final class CrashLoad implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String accountSid;
    private final String authToken;
    private final String signedBaseUrl;
    private final String apiKey;
    private final String batch = "crash-" + ThreadLocalRandom.current().nextInt(1_000_000);
    private final Set<String> acknowledgedCallbacks = ConcurrentHashMap.newKeySet();
    private final Set<Long> acceptedMessages = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedCallbacks = new AtomicInteger();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile String lastOtherAnswer = "none";

    /**
     * @param signedBaseUrl the public base URL the service rebuilds signed URLs from
     */
    CrashLoad(String accountSid, String authToken, String signedBaseUrl, String apiKey) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.signedBaseUrl = signedBaseUrl;
        this.apiKey = apiKey;
    }

    /** Starts {@code callbackClients} callback posters and {@code senders} senders against the ports given. */
    CrashLoad start(int callbackClients, int senders, IntSupplier port) {
        for (int i = 0; i < callbackClients; i++) {
            threads.add(started(new Thread(() -> postCallbacks(port), "callback-client-" + i)));
        }
        for (int i = 0; i < senders; i++) {
            threads.add(started(new Thread(() -> sendMessages(port), "sender-" + i)));
        }
        return this;
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }

    /** Waits until the service acknowledged at least this much, or fails saying how far it got. */
    void awaitAcknowledged(int callbacks, int messages, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledgedCallbacks.size() < callbacks || acceptedMessages.size() < messages) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the load did not reach " + callbacks + " callbacks and " + messages
                        + " messages within " + timeout + ": " + summary());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until Twilio has every accepted message, a dead instance's claims after their lease too,
     * and answers how many times each was sent; fails naming how many never arrived.
     */
    Map<Long, Long> awaitEachSent(TwilioSimulator twilio, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Long, Long> sends = twilio.messages().stream().filter(m -> m.body().startsWith(batch))
                    .collect(Collectors.groupingBy(m -> Long.parseLong(m.statusCallback().replaceAll(".*mid=(\\d+).*",
                            "$1")), Collectors.counting()));
            Set<Long> missing = new HashSet<>(acceptedMessages);
            missing.removeAll(sends.keySet());
            if (missing.isEmpty()) {
                sends.keySet().retainAll(acceptedMessages);
                return sends;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing.size() + " accepted messages never reached Twilio within " + timeout
                        + ", e.g. " + missing.stream().limit(5).toList() + ": " + summary());
            }
            Thread.sleep(250);
        }
    }

    Set<String> acknowledgedCallbacks() {
        return acknowledgedCallbacks;
    }

    Set<Long> acceptedMessages() {
        return acceptedMessages;
    }

    /** Every message of this load's batch carries this at the start of its body. */
    String batch() {
        return batch;
    }

    String summary() {
        return acknowledgedCallbacks.size() + " callbacks answered 200, " + refusedCallbacks.get() + " refused, "
                + acceptedMessages.size() + " messages accepted, " + otherAnswers.get() + " other answers (last: "
                + lastOtherAnswer + ")";
    }

    private void postCallbacks(IntSupplier port) {
        while (running.get()) {
            String sid = "SM" + randomHex();
            Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "sent", "AccountSid", accountSid,
                    "From", "+15005550006", "To", "+31612345678", "ApiVersion", "2010-04-01");
            String signature = TwilioDocumentedSignature.sign(authToken, signedBaseUrl + "/twilio-status",
                    form.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + "/twilio-status"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = send(request);
            if (status == 200) {
                acknowledgedCallbacks.add(sid);
            } else if (status == 503 || status < 0) {
                refusedCallbacks.incrementAndGet();
            } else {
                otherAnswers.incrementAndGet();
                lastOtherAnswer = "callback answered " + status;
            }
        }
    }

    private void sendMessages(IntSupplier port) {
        while (running.get()) {
            int n = sequence.incrementAndGet();
            String json = "{\"channel\":\"sms\",\"to\":\"+3165" + String.format("%07d", n) + "\",\"body\":\"" + batch
                    + " #" + n + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt()
                    + "/api/v1/messages")).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    acceptedMessages.add(Long.parseLong(response.body().replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1")));
                } else {
                    otherAnswers.incrementAndGet();
                    lastOtherAnswer = response.statusCode() + " " + response.body();
                }
            } catch (IOException noAnswer) {
                // The instance is gone: the message may or may not be stored, but it was not accepted.
                pause();
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    private int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            pause();
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomHex() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops every client and waits for the requests under way to get their answer or fail. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
