package dev.deliverytracker.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.RecordOutcome.Refusal;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The webhook's HTTP contract with Twilio, the record-status use case answering what each test needs:
 * 200 only for what is durable (or deliberately not ours), 503 for what Twilio should retry, 4xx for what
 * a retry cannot fix, and the URL Twilio signed handed on as Twilio saw it.
 */
class StatusCallbackEndpointTest {

    private static final MessageSid SID = MessageSid.of("SM0123456789abcdef0123456789abcdef");
    private static final String FORM = "MessageSid=" + SID + "&MessageStatus=delivered&AccountSid=AC1";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<StatusCallback> received = new ArrayList<>();

    @Test
    void what_is_recorded_or_kept_is_answered_200_and_the_signed_url_is_rebuilt_under_the_public_base() throws Exception {
        for (RecordOutcome outcome : List.of(
                new RecordOutcome.Recorded(MessageId.of(1), SID, DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED),
                new RecordOutcome.Duplicate(SID, DeliveryStatus.DELIVERED),
                new RecordOutcome.Unmatched(SID, DeliveryStatus.DELIVERED),
                new RecordOutcome.NotTracked(SID, DeliveryStatus.DELIVERED))) {
            assertThat(post(callback -> outcome, request(FORM)).getStatus()).as(outcome.toString()).isEqualTo(200);
        }
        assertThat(received).first().satisfies(callback -> {
            assertThat(callback.url()).isEqualTo("https://tracker.example.com/twilio-status?mid=1");
            assertThat(callback.signature()).isEqualTo("sig");
            assertThat(callback.first("MessageStatus")).contains("delivered");
        });
        assertThat(meters.counter("tracker.callbacks", "status", "delivered", "outcome", "recorded").count()).isEqualTo(1);
    }

    @Test
    void a_refused_signature_is_403_and_an_unreadable_callback_400_so_twilio_does_not_retry_them() throws Exception {
        MockHttpServletResponse refused = post(callback -> new RecordOutcome.Refused(Refusal.MISMATCH,
                "signature does not match", true), request(FORM));
        MockHttpServletResponse rejected = post(callback -> new RecordOutcome.Rejected("MessageStatus is required"),
                request(FORM));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Callback signature refused");
        assertThat(rejected.getStatus()).isEqualTo(400);
        assertThat(rejected.getContentAsString()).contains("MessageStatus is required");
    }

    @Test
    void a_store_that_fails_is_503_with_retry_after_never_200() throws Exception {
        MockHttpServletResponse response = post(callback -> {
            throw new IllegalStateException("connection refused");
        }, request(FORM));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void what_is_not_a_form_post_is_answered_before_the_use_case() throws Exception {
        MockHttpServletRequest json = request(FORM);
        json.setContentType("application/json");
        MockHttpServletRequest get = request(FORM);
        get.setMethod("GET");

        assertThat(post(callback -> null, json).getStatus()).isEqualTo(400);
        MockHttpServletResponse notPost = post(callback -> null, get);
        assertThat(notPost.getStatus()).isEqualTo(405);
        assertThat(notPost.getHeader("Allow")).isEqualTo("POST");
        assertThat(received).isEmpty();
    }

    @Test
    void a_stopping_instance_takes_no_callback_and_asks_twilio_to_come_back() throws Exception {
        WebhookIntake closed = new WebhookIntake(Duration.ofSeconds(1));

        MockHttpServletResponse response = post(endpoint(callback -> null, closed), request(FORM));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(received).isEmpty();
    }

    private MockHttpServletResponse post(Function<StatusCallback, RecordOutcome> useCase,
            MockHttpServletRequest request) throws Exception {
        WebhookIntake open = new WebhookIntake(Duration.ofSeconds(1));
        open.start();
        return post(endpoint(useCase, open), request);
    }

    private StatusCallbackEndpoint endpoint(Function<StatusCallback, RecordOutcome> useCase, WebhookIntake intake) {
        return new StatusCallbackEndpoint(callback -> {
            received.add(callback);
            return useCase.apply(callback);
        }, new WebhookSettings(URI.create("https://tracker.example.com"), "/twilio-status", 65536),
                new StrictHttpFirewall(), (request, response, rejected) -> response.sendError(400), meters,
                Clock.systemUTC(), intake);
    }

    private static MockHttpServletRequest request(String form) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/twilio-status");
        request.setQueryString("mid=1");
        request.setServerName("10.0.0.5");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(form.getBytes(StandardCharsets.UTF_8));
        request.addHeader("X-Twilio-Signature", "sig");
        return request;
    }

    private static MockHttpServletResponse post(StatusCallbackEndpoint endpoint, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        endpoint.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
