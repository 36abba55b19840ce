package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.LogFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deliverytracker.simulator.Outcome;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With traces sampled, a send through the API, its dispatch and Twilio's callbacks each leave spans
 * (read from an in-memory exporter in place of OTLP) that carry the message id, and no span carries
 * the recipient's phone number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.api-key=" + TracingSystemTest.API_KEY,
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
        "tracker.dispatch.interval=50ms",
        "tracker.simulator.min-delay=0ms",
        "tracker.simulator.max-delay=20ms"})
@Import(TracingSystemTest.InMemorySpans.class)
@DirtiesContext
class TracingSystemTest extends SimulatedServiceTest {

    static final String API_KEY = "dt_tracing-system-test-key-0001";

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;

    private final String recipient = "+3164" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

    @Test
    void a_send_its_dispatch_and_its_callbacks_leave_spans_with_the_message_id_and_no_phone_number() {
        ApiClient api = new ApiClient(port, API_KEY);
        simulator.behaviour(simulator.behaviour().withoutRules().withDefaultOutcome(Outcome.read()));
        String id = idOf(api.post("/api/v1/messages", "{\"channel\":\"whatsapp\",\"to\":\"" + recipient
                + "\",\"body\":\"Your code is 4321\"}"));
        assertThat(api.get("/api/v1/messages?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(withMessage("dispatch", id)).as("dispatches").isNotEmpty();
            assertThat(withMessage("send", id)).as("sends").isNotEmpty();
            assertThat(withMessage("callback", id)).as("recorded callbacks").hasSizeGreaterThanOrEqualTo(3);
        });
        SpanData dispatch = withMessage("dispatch", id).get(0);
        SpanData send = withMessage("send", id).get(0);
        assertThat(send.getParentSpanId()).as("the send within its dispatch").isEqualTo(dispatch.getSpanId());
        assertThat(send.getTraceId()).isEqualTo(dispatch.getTraceId());
        assertThat(dispatch.getAttributes().asMap().toString()).contains(LogFields.ORGANIZATION_ID);
        String sid = attribute(send, LogFields.MESSAGE_SID);
        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(withMessage("callback", id)).allSatisfy(callback -> {
            assertThat(attribute(callback, LogFields.MESSAGE_SID)).isEqualTo(sid);
            assertThat(attribute(callback, "outcome")).isEqualTo("recorded");
        });

        List<SpanData> all = spans.getFinishedSpanItems();
        String digits = recipient.substring(1);
        assertThat(all).allSatisfy(span -> {
            assertThat(span.getName()).doesNotContain(digits.substring(3));
            span.getAttributes().forEach((key, value) ->
                    assertThat(String.valueOf(value)).as("%s of span %s", key, span.getName())
                            .doesNotContain(digits.substring(3)));
            span.getEvents().forEach(event -> assertThat(event.getAttributes().toString()).doesNotContain(digits.substring(3)));
        });
    }

    private List<SpanData> withMessage(String name, String id) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .filter(span -> id.equals(attribute(span, LogFields.MESSAGE_ID))).toList();
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(entry -> entry.getKey().getKey().equals(key))
                .map(entry -> String.valueOf(entry.getValue())).findFirst().orElse(null);
    }
}
