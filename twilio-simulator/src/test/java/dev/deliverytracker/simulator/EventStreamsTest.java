package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator plays Twilio Event Streams: signed batches of CloudEvents to a sink, retried for long. */
class EventStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwilioSimulator simulator;
    private Sink sink;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start(new SimulatorSettings("127.0.0.1", 0, SimulatorSettings.DEFAULT_ACCOUNT_SID,
                SimulatorSettings.DEFAULT_AUTH_TOKEN, 7L, 4, 10,
                Behaviour.defaults().withDelays(0, 0).withDefaultOutcome(Outcome.delivered()), null));
        sink = new Sink();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        sink.close();
    }

    @Test
    void each_status_reaches_the_sink_in_batches_of_cloudevents_signed_over_the_url_with_bodySHA256() throws Exception {
        simulator.addEventStreamsSink(URI.create(sink.url("/twilio-events")), simulator.accountSid(), Set.of(),
                50, 100, 10, 100, 60_000);
        String sid = send("+4915112345678");

        await().until(() -> sink.events(sid).size() == 3);
        assertThat(sink.events(sid)).extracting(event -> event.path("data").path("messageStatus").asText())
                .containsExactlyInAnyOrder("QUEUED", "SENT", "DELIVERED");
        JsonNode delivered = sink.events(sid).stream()
                .filter(event -> event.path("type").asText().equals("com.twilio.messaging.message.delivered"))
                .findFirst().orElseThrow();
        assertThat(delivered.path("specversion").asText()).isEqualTo("1.0");
        assertThat(delivered.path("id").asText()).startsWith("NO");
        assertThat(delivered.path("data").path("accountSid").asText()).isEqualTo(simulator.accountSid());
        assertThat(delivered.path("data").path("to").asText()).isEqualTo("+4915112345678");
        for (Sink.Received batch : sink.received()) {
            assertThat(batch.contentType()).isEqualTo("application/json");
            assertThat(batch.query()).isEqualTo("bodySHA256=" + sha256(batch.body()));
            assertThat(batch.signature()).isEqualTo(hmacSha1(simulator.authToken(), sink.url(batch.path() + "?" + batch.query())));
            assertThat(batch.authorization()).isNull();
        }
    }

    @Test
    void a_batch_the_sink_does_not_take_is_tried_again_with_backoff_until_it_is_taken() {
        sink.answering(503, 503, 500, 503, 503, 503, 503);
        simulator.addEventStreamsSink(URI.create(sink.url("/twilio-events")), simulator.accountSid(),
                Set.of("com.twilio.messaging.message.queued"), 0, 100, 5, 40, 60_000);
        String sid = send("+4915112345678");

        await().until(() -> simulator.streamDeliveries().stream().anyMatch(StreamDelivery::delivered));
        List<StreamDelivery> tries = simulator.streamDeliveries();
        assertThat(tries).hasSize(8).extracting(StreamDelivery::batchId).containsOnly(tries.get(0).batchId());
        assertThat(tries).extracting(StreamDelivery::attempt).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(tries.get(7).eventIds()).hasSize(1);
        assertThat(sink.events(sid)).hasSize(8).extracting(event -> event.path("id").asText()).containsOnly(
                tries.get(0).eventIds().get(0));
    }

    @Test
    void a_sink_that_stays_down_is_given_up_only_after_its_retry_budget() {
        sink.answering(java.util.Collections.nCopies(1000, 503).toArray(Integer[]::new));
        simulator.addEventStreamsSink(URI.create(sink.url("/twilio-events")), simulator.accountSid(),
                Set.of("com.twilio.messaging.message.queued"), 0, 100, 5, 20, 400);
        send("+4915112345678");

        await().pollDelay(java.time.Duration.ofMillis(800)).until(() -> true);
        int tries = simulator.streamDeliveries().size();
        await().pollDelay(java.time.Duration.ofMillis(300)).until(() -> true);
        assertThat(simulator.streamDeliveries()).as("given up: no further tries").hasSize(tries);
        assertThat(tries).as("more tries than a status callback ever gets (at most 6)").isGreaterThan(6);
    }

    @Test
    void credentials_in_the_sink_url_become_basic_auth_and_are_not_part_of_the_signed_url() throws Exception {
        URI withCredentials = URI.create(sink.url("/twilio-events?sink=a").replace("http://", "http://twilio:s3cret@"));
        simulator.addEventStreamsSink(withCredentials, simulator.accountSid(), Set.of(), 0, 100, 10, 100, 60_000);
        send("+4915112345678");

        await().until(() -> !sink.received().isEmpty());
        Sink.Received batch = sink.received().get(0);
        assertThat(batch.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("twilio:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(batch.query()).isEqualTo("sink=a&bodySHA256=" + sha256(batch.body()));
        assertThat(batch.signature()).isEqualTo(hmacSha1(simulator.authToken(), sink.url("/twilio-events?" + batch.query())));
    }

    @Test
    void silent_callbacks_still_stream_and_inbound_messages_come_on_demand_through_the_control_api() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.silent(Outcome.delivered())));
        TwilioHttp.Answer added = http.control("POST", "/simulator/event-streams/sinks",
                "{\"destination\":\"" + sink.url("/twilio-events") + "\",\"batchWindowMs\":0,\"retryBaseMs\":10}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("sid").asText()).startsWith("DG");
        String sid = send("+4915112345678");
        TwilioHttp.Answer inbound = http.control("POST", "/simulator/event-streams/inbound",
                "{\"from\":\"whatsapp:+4915112345678\",\"to\":\"whatsapp:+14155238886\",\"body\":\"Hi\"}");

        assertThat(inbound.status()).isEqualTo(201);
        String inboundSid = inbound.json().path("sid").asText();
        await().until(() -> sink.events(sid).size() == 3 && sink.events(inboundSid).size() == 1);
        assertThat(simulator.callbackAttempts()).as("no status callback was posted").isEmpty();
        JsonNode received = sink.events(inboundSid).get(0);
        assertThat(received.path("type").asText()).isEqualTo("com.twilio.messaging.inbound-message.received");
        assertThat(received.path("data").path("from").asText()).isEqualTo("whatsapp:+4915112345678");
        assertThat(received.path("data").path("body").asText()).isEqualTo("Hi");
        assertThat(http.control("GET", "/simulator/event-streams/deliveries", null).json()).isNotEmpty();
    }

    private String send(String to) {
        return http.create("To", to, "From", "+15005550006", "Body", "hi").json().get("sid").asText();
    }

    static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Twilio's documented signature, written here again: the URL alone, since a JSON body has no parameters. */
    static String hmacSha1(String token, String url) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
    }

    /** A sink: records every batch, answers as scripted (0 leaves the answer to the default, 200). */
    static final class Sink implements AutoCloseable {

        record Received(String path, String query, String body, String signature, String authorization,
                String contentType) {
        }

        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Deque<Integer> codes = new ConcurrentLinkedDeque<>();

        Sink() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                            body, exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type")));
                    Integer code = codes.poll();
                    exchange.sendResponseHeaders(code == null || code == 0 ? 200 : code, -1);
                }
            });
            server.start();
        }

        Sink answering(Integer... scripted) {
            codes.addAll(List.of(scripted));
            return this;
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
        }

        List<Received> received() {
            return List.copyOf(received);
        }

        List<JsonNode> events(String messageSid) {
            List<JsonNode> events = new ArrayList<>();
            for (Received batch : received) {
                try {
                    JSON.readTree(batch.body()).forEach(event -> {
                        if (messageSid.equals(event.path("data").path("messageSid").asText())) {
                            events.add(event);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return events.stream().collect(Collectors.toList());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
