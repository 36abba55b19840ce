package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.adapter.web.LogSafe;
import dev.deliverytracker.adapter.web.ProblemResponse;
import dev.deliverytracker.application.port.LogFields;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.domain.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Twilio's status callbacks. Answers 200 only once the event is durable (a duplicate too, so Twilio
 * stops retrying); 403 when the signature does not prove Twilio sent it; 400 for a callback we cannot
 * read; 503 when the database cannot take it, so Twilio retries under the connection overrides the
 * callback URL carries.
 *
 * <p>A servlet filter ahead of every other one, mapped to the webhook's path alone, answers the POSTs
 * itself, as Spring Security's own protocol endpoints do: under a campaign's burst of thousands of
 * callbacks a second, the generic filters and Spring MVC's dispatch cost as much CPU as verifying and
 * recording the callback (ADR 0027). What they did for this path is done here: the firewall's checks,
 * a problem for every refusal (405 for any other method), the 503 for a failed store, and metrics.
 */
public class StatusCallbackEndpoint implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCallbackEndpoint.class);

    private final RecordDeliveryStatus recordDeliveryStatus;
    private final WebhookSettings settings;
    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejectedHandler;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer recordTime;
    private final WebhookIntake intake;
    private final UnrecordedCallbacks unrecorded;

    public StatusCallbackEndpoint(RecordDeliveryStatus recordDeliveryStatus, WebhookSettings settings,
            HttpFirewall firewall, RequestRejectedHandler rejectedHandler, MeterRegistry meters, Clock clock,
            WebhookIntake intake) {
        this.intake = intake;
        this.unrecorded = new UnrecordedCallbacks(LOG, clock, Duration.ofSeconds(10));
        this.recordDeliveryStatus = recordDeliveryStatus;
        this.settings = settings;
        this.firewall = firewall;
        this.rejectedHandler = rejectedHandler;
        this.meters = meters;
        this.clock = clock;
        this.recordTime = Timer.builder("tracker.callbacks.record.time")
                .description("Time to verify and durably record one status callback")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        try {
            request = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            rejectedHandler.handle(request, response, rejected);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
                    "Twilio's status callbacks are POSTed; " + LogSafe.text(request.getMethod()) + " is not supported");
            return;
        }
        if (!intake.take()) {
            count("closed", "none");
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Not taking callbacks",
                    "this instance is starting or stopping and takes no callbacks now; retry later");
            return;
        }
        try {
            receive(request, response);
        } finally {
            intake.done();
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = SignedUrl.of(request, settings);
        MediaType contentType = contentType(request);
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
            reject(request, response, "Content-Type must be application/x-www-form-urlencoded, was "
                    + (request.getContentType() == null ? "nothing" : "'" + request.getContentType() + "'"), url);
            return;
        }
        Map<String, List<String>> form;
        try {
            form = FormBody.read(request.getInputStream(), settings.maxBodyBytes());
        } catch (FormBody.TooLarge tooLarge) {
            reject(request, response, tooLarge.getMessage(), url);
            return;
        } catch (IllegalArgumentException badEncoding) {
            reject(request, response, "body is not valid form encoding: " + badEncoding.getMessage(), url);
            return;
        }
        StatusCallback callback = new StatusCallback(url, form, request.getHeader("X-Twilio-Signature"),
                request.getHeader("I-Twilio-Idempotency-Token"), clock.instant(), request.getRemoteAddr());
        String status = callback.first("MessageStatus").or(() -> callback.first("SmsStatus")).orElse("none");
        RecordOutcome outcome;
        try {
            outcome = recordTime.record(() -> recordDeliveryStatus.record(callback));
        } catch (RuntimeException failure) {
            // Not recorded: 503 so Twilio retries it, never 200 (which would lose it) and never 500 (which
            // Twilio does not retry unless told to).
            count("unavailable", status);
            unrecorded.refused(failure);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Callback not recorded",
                    "the delivery store is unavailable; retry later");
            return;
        }
        count(outcomeName(outcome), status);
        if (outcome instanceof RecordOutcome.Refused refused) {
            meters.counter("tracker.callbacks.refused", "reason", refused.cause().wireName(),
                    "kept", Boolean.toString(refused.kept())).increment();
            if (!refused.kept()) {
                // Past its source's budget: no log line either, or a flood would fill the log instead.
                problem(request, response, HttpStatus.FORBIDDEN, "Callback signature refused",
                        LogSafe.text(refused.reason()) + "; not kept: too many refused callbacks from this address lately");
                return;
            }
            about(LOG.atWarn(), callback).log("callback refused: {} account={} source={} url={}",
                    LogSafe.text(refused.reason()), LogSafe.text(callback.first("AccountSid").orElse("none")),
                    callback.source(), LogSafe.text(url));
            problem(request, response, HttpStatus.FORBIDDEN, "Callback signature refused", LogSafe.text(refused.reason()));
            return;
        }
        if (outcome instanceof RecordOutcome.Rejected rejected) {
            about(LOG.atWarn(), callback).log("callback rejected and kept: {} account={} sid={}",
                    LogSafe.text(rejected.reason()), LogSafe.text(callback.first("AccountSid").orElse("none")),
                    LogSafe.text(callback.first("MessageSid").orElse("none")));
            problem(request, response, HttpStatus.BAD_REQUEST, "Callback not readable", rejected.reason());
            return;
        }
        if (outcome instanceof RecordOutcome.Unmatched unmatched) {
            about(LOG.atInfo(), callback).log("callback kept unmatched: sid={} status={}", unmatched.sid(),
                    unmatched.reported().wireName());
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentLength(0);
    }

    /**
     * A line about a callback: Twilio's SID and account (and our message id, from the callback's URL) as
     * fields of structured logs, each only when present and cleaned for a log line.
     */
    private static LoggingEventBuilder about(LoggingEventBuilder line, StatusCallback callback) {
        callback.first("MessageSid").or(() -> callback.first("SmsSid"))
                .ifPresent(sid -> line.addKeyValue(LogFields.MESSAGE_SID, LogSafe.text(sid)));
        callback.first("AccountSid").ifPresent(account -> line.addKeyValue(LogFields.ACCOUNT_SID, LogSafe.text(account)));
        return line;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String reason, String url)
            throws IOException {
        meters.counter("tracker.callbacks", "status", "none", "outcome", "malformed").increment();
        LOG.warn("callback malformed: {} url={}", LogSafe.text(reason), LogSafe.text(url));
        problem(request, response, HttpStatus.BAD_REQUEST, "Callback not readable", reason);
    }

    private static String outcomeName(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Recorded) {
            return "recorded";
        } else if (outcome instanceof RecordOutcome.Duplicate) {
            return "duplicate";
        } else if (outcome instanceof RecordOutcome.Unmatched) {
            return "unmatched";
        } else if (outcome instanceof RecordOutcome.Refused) {
            return "signature_failed";
        } else if (outcome instanceof RecordOutcome.NotTracked) {
            return "not_tracked";
        } else if (outcome instanceof RecordOutcome.Rejected) {
            return "rejected";
        }
        // A new kind of outcome must be given its answer here, not fall into another's.
        throw new IllegalArgumentException("no answer for the outcome " + outcome.getClass().getSimpleName());
    }

    private void count(String outcome, String status) {
        // Only known words become tag values: an unsigned request must not mint new time series.
        String tag = DeliveryStatus.lookup(status).map(DeliveryStatus::wireName).orElse("other");
        meters.counter("tracker.callbacks", "status", tag, "outcome", outcome).increment();
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
