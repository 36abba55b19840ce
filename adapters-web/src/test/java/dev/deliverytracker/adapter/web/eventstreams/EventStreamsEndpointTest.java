package dev.deliverytracker.adapter.web.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.webhook.WebhookIntake;
import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.in.RecordStreamedEvents;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageSid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The sink's HTTP contract, with the use case replaced by what each test needs it to answer. */
class EventStreamsEndpointTest {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final String BATCH = """
            [{"specversion":"1.0","type":"com.twilio.messaging.message.delivered","source":"/2010-04-01/Accounts",
              "id":"EZ1","time":"2026-11-24T12:00:00.000Z","data":{"messageSid":"%s","accountSid":"AC1",
              "messageStatus":"DELIVERED","errorCode":null,"numberOfSegments":1,"tags":{"a":"b"}}}]
            """.formatted(SID);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<EventBatch> received = new ArrayList<>();

    @Test
    void a_batch_is_read_into_events_and_answered_200_once_recorded() throws Exception {
        MockHttpServletResponse response = post(endpoint(EventStreamsSettings.defaults(), taken()), request(BATCH));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(batch -> {
            assertThat(batch.body()).isEqualTo(BATCH);
            assertThat(batch.url()).isEqualTo("https://tracker.example.com/twilio-events?bodySHA256=abc");
            assertThat(batch.signature()).isEqualTo("sig");
            assertThat(batch.events()).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo("EZ1");
                assertThat(event.type()).isEqualTo("com.twilio.messaging.message.delivered");
                assertThat(event.data()).containsEntry("messageSid", SID).containsEntry("numberOfSegments", "1")
                        .containsEntry("tags", "{\"a\":\"b\"}").doesNotContainKey("errorCode");
                assertThat(event.json()).contains("\"specversion\":\"1.0\"");
            });
        });
        assertThat(meters.counter("tracker.stream.events", "kind", "delivered", "outcome", "recorded").count())
                .isEqualTo(1);
    }

    @Test
    void a_body_that_is_not_an_array_of_cloudevents_is_a_400_problem_and_reaches_no_use_case() throws Exception {
        for (String body : List.of("{\"type\":\"x\"}", "[1]", "[{\"id\":", "")) {
            MockHttpServletResponse response = post(endpoint(EventStreamsSettings.defaults(), taken()), request(body));
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("Batch not readable");
        }
        MockHttpServletRequest form = request(BATCH);
        form.setContentType("application/x-www-form-urlencoded");
        assertThat(post(endpoint(EventStreamsSettings.defaults(), taken()), form).getContentAsString())
                .contains("Content-Type must be application/json");
        assertThat(received).isEmpty();
    }

    @Test
    void an_escaped_nul_or_lone_surrogate_is_made_storable_in_the_events_but_the_body_is_kept_as_received()
            throws Exception {
        String body = "[{\"id\":\"E\\u0000Z\",\"type\":\"t\",\"data\":{\"body\":\"a\\u0000b\\ud800c\\ud83d\\ude00\","
                + "\"k\\u0000\":\"v\"}}]";
        assertThat(post(endpoint(EventStreamsSettings.defaults(), taken()), request(body)).getStatus()).isEqualTo(200);

        assertThat(received).singleElement().satisfies(batch -> {
            assertThat(batch.body()).isEqualTo(body);
            assertThat(batch.events().get(0).id()).isEqualTo("E\uFFFDZ");
            assertThat(batch.events().get(0).data()).containsEntry("body", "a\uFFFDb\uFFFDc\uD83D\uDE00")
                    .containsEntry("k\uFFFD", "v");
            assertThat(batch.events().get(0).json()).doesNotContain("\\u0000").doesNotContain("\\ud800");
        });
    }

    @Test
    void a_refused_signature_is_403_with_the_reason() throws Exception {
        MockHttpServletResponse response = post(endpoint(EventStreamsSettings.defaults(), batch ->
                new BatchOutcome.Refused(new RecordOutcome.Refused(Refusal.MISMATCH, "X-Twilio-Signature does not match",
                        true))), request(BATCH));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("Batch signature refused").contains("does not match");
        assertThat(meters.counter("tracker.stream.batches.refused", "reason", "mismatch", "kept", "true").count())
                .isEqualTo(1);
    }

    @Test
    void a_store_that_cannot_take_the_batch_answers_503_so_twilio_retries() throws Exception {
        MockHttpServletResponse response = post(endpoint(EventStreamsSettings.defaults(), batch -> {
            throw new IllegalStateException("database away");
        }), request(BATCH));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void with_sink_credentials_a_request_without_them_is_401_and_one_with_them_is_checked_for_both_urls()
            throws Exception {
        EventStreamsSettings withCredentials = new EventStreamsSettings("/twilio-events", 1 << 20, "twilio", "s3cret");
        assertThat(post(endpoint(withCredentials, taken()), request(BATCH)).getStatus()).isEqualTo(401);
        MockHttpServletRequest wrong = request(BATCH);
        wrong.addHeader("Authorization", basic("twilio:wrong"));
        assertThat(post(endpoint(withCredentials, taken()), wrong).getStatus()).isEqualTo(401);
        assertThat(received).isEmpty();

        MockHttpServletRequest right = request(BATCH);
        right.addHeader("Authorization", basic("twilio:s3cret"));
        assertThat(post(endpoint(withCredentials, taken()), right).getStatus()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(batch -> assertThat(batch.alternativeUrls())
                .containsExactly("https://twilio:s3cret@tracker.example.com/twilio-events?bodySHA256=abc"));
    }

    @Test
    void only_post_is_taken() throws Exception {
        MockHttpServletRequest get = request(BATCH);
        get.setMethod("GET");
        MockHttpServletResponse response = post(endpoint(EventStreamsSettings.defaults(), taken()), get);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("POST");
    }

    private Function<EventBatch, BatchOutcome> taken() {
        return batch -> new BatchOutcome.Taken(batch.events().stream().<BatchOutcome.EventOutcome>map(event ->
                new BatchOutcome.StatusRecorded(event.id(), event.type(), new RecordOutcome.Recorded(
                        dev.deliverytracker.domain.MessageId.of(1), MessageSid.of(SID), DeliveryStatus.DELIVERED,
                        DeliveryStatus.DELIVERED))).toList());
    }

    private EventStreamsEndpoint endpoint(EventStreamsSettings settings, Function<EventBatch, BatchOutcome> useCase) {
        RecordStreamedEvents recorder = batch -> {
            received.add(batch);
            return useCase.apply(batch);
        };
        WebhookIntake intake = new WebhookIntake(Duration.ofSeconds(1));
        intake.start();
        RequestRejectedHandler rejected = (request, response, exception) -> response.sendError(400);
        return new EventStreamsEndpoint(recorder, settings,
                new WebhookSettings(java.net.URI.create("https://tracker.example.com"), "/twilio-status", 65536),
                new StrictHttpFirewall(),
                rejected, meters, Clock.systemUTC(), intake);
    }

    private static MockHttpServletRequest request(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/twilio-events");
        request.setQueryString("bodySHA256=abc");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("X-Twilio-Signature", "sig");
        return request;
    }

    private static MockHttpServletResponse post(EventStreamsEndpoint endpoint, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        endpoint.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
