package dev.deliverytracker.adapter.web.eventstreams;

import dev.deliverytracker.adapter.web.LogSafe;
import dev.deliverytracker.adapter.web.ProblemResponse;
import dev.deliverytracker.adapter.web.webhook.SignedUrl;
import dev.deliverytracker.adapter.web.webhook.WebhookIntake;
import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import dev.deliverytracker.application.port.EventBatch;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.StreamedEvent;
import dev.deliverytracker.application.port.in.BatchOutcome;
import dev.deliverytracker.application.port.in.RecordStreamedEvents;
import dev.deliverytracker.domain.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Twilio Event Streams' webhook sink: a POST whose body is a JSON array of CloudEvents, signed as a
 * whole. Answers 200 only once every event of the batch is durable (a duplicate too); 401 when the sink
 * has Basic credentials and the request does not carry them; 403 when the signature does not prove
 * Twilio sent the batch (it is kept in a quarantine); 400 for a body that is not an array of
 * CloudEvents; 503 when the store cannot take an event, so Twilio sends the batch again (Event Streams
 * retries for hours, with backoff). An event that is signed but cannot be read, or of a type the
 * tracker does not read, is kept and does not fail the batch: Twilio would otherwise resend the whole
 * batch for four hours.
 *
 * <p>Like the status webhook it is a servlet filter ahead of every other, on its path alone (ADR 0027),
 * and it shares the webhook's intake, so a stop closes both before anything else.
 */
public class EventStreamsEndpoint implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamsEndpoint.class);
    private static final String TEST_EVENT = "com.twilio.eventstreams.test-event";

    private final RecordStreamedEvents recordStreamedEvents;
    private final EventStreamsSettings settings;
    private final WebhookSettings webhookSettings;
    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejectedHandler;
    private final MeterRegistry meters;
    private final Clock clock;
    private final WebhookIntake intake;
    private final Timer recordTime;

    public EventStreamsEndpoint(RecordStreamedEvents recordStreamedEvents, EventStreamsSettings settings,
            WebhookSettings webhookSettings, HttpFirewall firewall, RequestRejectedHandler rejectedHandler,
            MeterRegistry meters, Clock clock, WebhookIntake intake) {
        this.recordStreamedEvents = recordStreamedEvents;
        this.settings = settings;
        this.webhookSettings = webhookSettings;
        this.firewall = firewall;
        this.rejectedHandler = rejectedHandler;
        this.meters = meters;
        this.clock = clock;
        this.intake = intake;
        this.recordTime = Timer.builder("tracker.stream.batches.record.time")
                .description("Time to verify and durably record one Event Streams batch")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        try {
            request = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            try {
                rejectedHandler.handle(request, response, rejected);
            } catch (jakarta.servlet.ServletException handlerFailed) {
                throw new IOException(handlerFailed);
            }
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
                    "Event Streams posts its batches; " + LogSafe.text(request.getMethod()) + " is not supported");
            return;
        }
        if (!settings.admits(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            countBatch("unauthorized");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"twilio-event-streams\"");
            problem(request, response, HttpStatus.UNAUTHORIZED, "Sink credentials required",
                    "this sink takes Basic credentials, given in the sink's destination URL");
            return;
        }
        if (!intake.take()) {
            countBatch("closed");
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Not taking events",
                    "this instance is starting or stopping and takes no events now; retry later");
            return;
        }
        try {
            receive(request, response);
        } finally {
            intake.done();
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = SignedUrl.of(request, webhookSettings);
        MediaType contentType = contentType(request);
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            malformed(request, response, "Content-Type must be application/json, was "
                    + (request.getContentType() == null ? "nothing" : "'" + LogSafe.text(request.getContentType()) + "'"),
                    url);
            return;
        }
        CloudEventsBody.Read body;
        try {
            body = CloudEventsBody.read(request.getInputStream(), settings.maxBodyBytes());
        } catch (CloudEventsBody.Unreadable unreadable) {
            malformed(request, response, unreadable.getMessage(), url);
            return;
        }
        EventBatch batch = new EventBatch(url, settings.withCredentials(url).map(List::of).orElse(List.of()),
                body.text(), request.getHeader("X-Twilio-Signature"), body.events(), clock.instant(),
                request.getRemoteAddr());
        BatchOutcome outcome;
        try {
            outcome = recordTime.record(() -> recordStreamedEvents.record(batch));
        } catch (RuntimeException failure) {
            // Not every event is durable: 503, so Event Streams sends the batch again; what was recorded is
            // then absorbed as duplicates.
            countBatch("unavailable");
            LOG.warn("event batch not recorded ({} events): {}", batch.events().size(),
                    LogSafe.text(String.valueOf(failure.getMessage())));
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Events not recorded",
                    "the delivery store is unavailable; retry later");
            return;
        }
        if (outcome instanceof BatchOutcome.Refused refused) {
            refused(request, response, refused.refusal(), batch);
            return;
        }
        taken((BatchOutcome.Taken) outcome);
        batch.events().stream().filter(event -> TEST_EVENT.equals(event.type())).forEach(event ->
                LOG.info("Event Streams test event received: test_id={} (validate the sink with it)",
                        LogSafe.text(event.field("test_id").orElse("none"))));
        countBatch("taken");
        response.setStatus(HttpStatus.OK.value());
        response.setContentLength(0);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, RecordOutcome.Refused refusal,
            EventBatch batch) throws IOException {
        countBatch("signature_failed");
        meters.counter("tracker.stream.batches.refused", "reason", refusal.cause().wireName(),
                "kept", Boolean.toString(refusal.kept())).increment();
        if (!refusal.kept()) {
            problem(request, response, HttpStatus.FORBIDDEN, "Batch signature refused",
                    LogSafe.text(refusal.reason()) + "; not kept: too many refused requests from this address lately");
            return;
        }
        LOG.warn("event batch refused: {} events={} source={} url={}", LogSafe.text(refusal.reason()),
                batch.events().size(), batch.source(), LogSafe.text(batch.url()));
        problem(request, response, HttpStatus.FORBIDDEN, "Batch signature refused", LogSafe.text(refusal.reason()));
    }

    private void taken(BatchOutcome.Taken taken) {
        for (BatchOutcome.EventOutcome event : taken.events()) {
            if (event instanceof BatchOutcome.StatusRecorded status) {
                countEvent(statusTag(status.type()), outcomeName(status.outcome()));
            } else if (event instanceof BatchOutcome.InboundRecorded inbound) {
                countEvent("inbound", inbound.isNew() ? "recorded" : "duplicate");
            } else if (event instanceof BatchOutcome.Rejected rejected) {
                countEvent(rejected.type().startsWith(StreamedEvent.STATUS_TYPE_PREFIX) ? "status" : "inbound",
                        "rejected");
                LOG.warn("streamed event kept unread: {} id={} type={}", LogSafe.text(rejected.reason()),
                        LogSafe.text(rejected.eventId()), LogSafe.text(rejected.type()));
            } else if (event instanceof BatchOutcome.Unhandled) {
                countEvent("other", "kept");
            }
        }
    }

    /** The status word of a known status type, else {@code other}, so no request can mint new series. */
    private static String statusTag(String type) {
        if (!type.startsWith(StreamedEvent.STATUS_TYPE_PREFIX)) {
            return "other";
        }
        String word = type.substring(StreamedEvent.STATUS_TYPE_PREFIX.length()).toLowerCase(Locale.ROOT);
        return DeliveryStatus.lookup(word).map(DeliveryStatus::wireName).orElse("other");
    }

    private static String outcomeName(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Recorded) {
            return "recorded";
        } else if (outcome instanceof RecordOutcome.Duplicate) {
            return "duplicate";
        } else if (outcome instanceof RecordOutcome.Unmatched) {
            return "unmatched";
        }
        return "rejected";
    }

    private void countEvent(String kind, String outcome) {
        meters.counter("tracker.stream.events", "kind", kind, "outcome", outcome).increment();
    }

    private void countBatch(String outcome) {
        meters.counter("tracker.stream.batches", "outcome", outcome).increment();
    }

    private void malformed(HttpServletRequest request, HttpServletResponse response, String reason, String url)
            throws IOException {
        countBatch("malformed");
        LOG.warn("event batch malformed: {} url={}", LogSafe.text(reason), LogSafe.text(url));
        problem(request, response, HttpStatus.BAD_REQUEST, "Batch not readable", reason);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String title, String detail) throws IOException {
        ProblemResponse.write(response, status.value(), title, detail, request.getRequestURI());
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException unparseable) {
            return null;
        }
    }
}
