package dev.deliverytracker.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays Twilio Event Streams: events of the subscribed types go to each sink in batches (a JSON array
 * of CloudEvents), signed as Twilio signs a JSON body (the URL with {@code bodySHA256}, the hex
 * SHA-256 of the body, HMAC-SHA1 with the account's token, no POST parameters), with Basic auth when
 * the sink URL has user info. A batch not answered 2xx within five seconds is tried again with
 * exponential backoff and jitter until the sink's retry budget is spent; a batch may be delivered
 * twice (the behaviour's duplicate rate).
 */
final class EventStreams {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    static final String USER_AGENT = "Twilio-Event-Streams/1.0";
    private static final Duration SINK_TIMEOUT = Duration.ofSeconds(5);
    private static final int KEPT_DELIVERIES = 10_000;

    private final AccountRegistry accounts;
    private final ScheduledExecutorService scheduler;
    private final SidGenerator sids;
    private final Random random;
    private final Clock clock;
    private final DoubleSupplier duplicateRate;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Map<String, EventStreamsSink> sinks = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<StreamDelivery> deliveries = new CopyOnWriteArrayList<>();

    EventStreams(AccountRegistry accounts, ScheduledExecutorService scheduler, ExecutorService httpExecutor,
            SidGenerator sids, Random random, Clock clock, DoubleSupplier duplicateRate) {
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.sids = sids;
        this.random = random;
        this.clock = clock;
        this.duplicateRate = duplicateRate;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(SINK_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).executor(httpExecutor).build();
    }

    EventStreamsSink add(EventStreamsSink sink) {
        if (accounts.tokenOf(sink.accountSid()).isEmpty()) {
            throw new IllegalArgumentException("account " + sink.accountSid() + " is not registered");
        }
        sinks.put(sink.sid(), sink);
        LOG.info("event streams sink added sid={} account={} types={}", sink.sid(), sink.accountSid(), sink.types().size());
        return sink;
    }

    String newSinkSid() {
        return sids.next("DG");
    }

    void remove(String sinkSid) {
        sinks.remove(sinkSid);
        pending.remove(sinkSid);
    }

    List<EventStreamsSink> sinks() {
        return List.copyOf(sinks.values());
    }

    List<StreamDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void clear() {
        sinks.clear();
        pending.clear();
        deliveries.clear();
    }

    /**
     * A message reached a status: a {@code com.twilio.messaging.message.*} event, as Twilio documents it.
     * The status and error are the event's own, not the message's current ones, since events are emitted
     * out of order too.
     */
    void statusChanged(SimulatedMessage message, String status, int errorCode) {
        String type = "com.twilio.messaging.message." + status;
        if (!EventStreamsSink.MESSAGING_TYPES.contains(type)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageSid", message.sid());
        data.put("timestamp", clock.instant().toString());
        data.put("accountSid", message.accountSid());
        data.put("eventName", type);
        data.put("apiVersion", CallbackPlanner.API_VERSION);
        data.put("from", message.from());
        data.put("to", message.to());
        data.put("messageStatus", status.toUpperCase(Locale.ROOT));
        if (!message.messagingServiceSid().isBlank()) {
            data.put("messagingServiceSid", message.messagingServiceSid());
        }
        if (errorCode != 0) {
            data.put("errorCode", errorCode);
        }
        data.put("numberOfSegments", message.numSegments());
        publish(message.accountSid(), type, "https://events-schemas.twilio.com/Messaging.MessageStatus/8", data);
    }

    /** A message reached one of the account's numbers: {@code com.twilio.messaging.inbound-message.received}. */
    String inboundMessage(String accountSid, String from, String to, String body) {
        if (accounts.tokenOf(accountSid).isEmpty()) {
            throw new IllegalArgumentException("account " + accountSid + " is not registered");
        }
        String sid = sids.next("SM");
        String type = "com.twilio.messaging.inbound-message.received";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageSid", sid);
        data.put("timestamp", clock.instant().toString());
        data.put("accountSid", accountSid);
        data.put("eventName", type);
        data.put("from", from);
        data.put("to", to);
        data.put("numMedia", 0);
        data.put("body", body == null ? "" : body);
        publish(accountSid, type, "https://events-schemas.twilio.com/Messaging.InboundMessageV1/6", data);
        LOG.info("inbound message sid={} account={} from={} to={}", sid, accountSid, PhoneMask.mask(from), PhoneMask.mask(to));
        return sid;
    }

    private void publish(String accountSid, String type, String schema, Map<String, Object> data) {
        for (EventStreamsSink sink : sinks.values()) {
            if (!sink.subscribes(accountSid, type)) {
                continue;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("specversion", "1.0");
            event.put("type", type);
            event.put("source", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + data.get("messageSid") + ".json");
            event.put("id", sids.next("NO"));
            event.put("dataschema", schema);
            event.put("datacontenttype", "application/json");
            event.put("time", clock.instant().toString());
            event.put("data", data);
            boolean first;
            synchronized (pending) {
                List<Map<String, Object>> waiting = pending.computeIfAbsent(sink.sid(), sid -> new ArrayList<>());
                first = waiting.isEmpty();
                waiting.add(event);
                if (waiting.size() >= sink.maxBatch()) {
                    pending.remove(sink.sid());
                    send(sink, waiting);
                    continue;
                }
            }
            if (first) {
                schedule(sink.batchWindowMs(), () -> flush(sink));
            }
        }
    }

    private void flush(EventStreamsSink sink) {
        List<Map<String, Object>> batch;
        synchronized (pending) {
            batch = pending.remove(sink.sid());
        }
        if (batch != null && !batch.isEmpty()) {
            send(sink, batch);
        }
    }

    private void send(EventStreamsSink sink, List<Map<String, Object>> events) {
        String body;
        try {
            body = json.writeValueAsString(events);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a batch of maps always serializes", impossible);
        }
        Batch batch = new Batch(sink, sids.next("EB"), body, signedUrl(sink.destination(), body),
                events.stream().map(event -> (String) event.get("id")).toList(),
                events.stream().map(event -> (String) event.get("type")).toList(), System.nanoTime());
        attempt(batch, 1);
        if (chance(duplicateRate.getAsDouble())) {
            // At least once: the same events, delivered again as a batch of its own.
            attempt(new Batch(sink, sids.next("EB"), body, batch.url(), batch.eventIds(), batch.types(),
                    System.nanoTime()), 1);
        }
    }

    private void attempt(Batch batch, int attempt) {
        String token = accounts.tokenOf(batch.sink().accountSid()).orElse("");
        String signature = WebhookSigner.sign(token, batch.url(), Map.of());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(batch.url()))
                .timeout(SINK_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8));
        basicAuthorization(batch.sink().destination()).ifPresent(value -> request.header("Authorization", value));
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int code = response == null ? 0 : response.statusCode();
            record(new StreamDelivery(batch.sink().sid(), batch.id(), attempt, batch.url(), signature, batch.eventIds(),
                    batch.types(), code, clock.instant().toString()));
            boolean delivered = code >= 200 && code < 300;
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - batch.startedNanos());
            long backoff = backoff(batch.sink(), attempt);
            boolean retry = !delivered && sinks.containsKey(batch.sink().sid())
                    && elapsedMs + backoff <= batch.sink().retryBudgetMs();
            LOG.info("event batch posted sink={} batch={} events={} attempt={} response={} retry={}", batch.sink().sid(),
                    batch.id(), batch.eventIds().size(), attempt, code, retry ? backoff + "ms" : "no");
            if (retry) {
                schedule(backoff, () -> attempt(batch, attempt + 1));
            } else if (!delivered) {
                LOG.warn("event batch given up sink={} batch={} events={} after {} tries", batch.sink().sid(), batch.id(),
                        batch.eventIds().size(), attempt);
            }
        });
    }

    /** Exponential with full jitter between half and all of it, as Twilio describes its retries. */
    private long backoff(EventStreamsSink sink, int attempt) {
        long exponential = sink.retryBaseMs() << Math.min(attempt - 1, 30);
        long ceiling = Math.min(sink.retryMaxMs(), exponential <= 0 ? sink.retryMaxMs() : exponential);
        synchronized (random) {
            return ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2 + 1));
        }
    }

    /** The destination without its user info, with {@code bodySHA256} added to its query. */
    static String signedUrl(URI destination, String body) {
        String hash = sha256Hex(body);
        String withoutUserInfo = destination.getScheme() + "://" + destination.getRawAuthority()
                .substring(destination.getRawUserInfo() == null ? 0 : destination.getRawUserInfo().length() + 1)
                + (destination.getRawPath() == null ? "" : destination.getRawPath());
        String query = destination.getRawQuery();
        return withoutUserInfo + "?" + (query == null || query.isEmpty() ? "" : query + "&") + "bodySHA256=" + hash;
    }

    static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Optional<String> basicAuthorization(URI destination) {
        String userInfo = destination.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    private void record(StreamDelivery delivery) {
        deliveries.add(delivery);
        while (deliveries.size() > KEPT_DELIVERIES) {
            deliveries.remove(0);
        }
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private void schedule(long delayMs, Runnable task) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private record Batch(EventStreamsSink sink, String id, String body, String url, List<String> eventIds,
            List<String> types, long startedNanos) {
    }
}
