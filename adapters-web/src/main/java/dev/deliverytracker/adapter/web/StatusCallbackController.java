package dev.deliverytracker.adapter.web;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.in.RecordOutcome;
import dev.deliverytracker.application.port.in.StatusCallback;
import dev.deliverytracker.domain.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callbacks. Answers 200 only once the event is durable (a duplicate too, so Twilio
 * stops retrying); 403 when the signature does not prove Twilio sent it; 400 for a callback we cannot
 * read; 503 when the database cannot take it, so Twilio retries under the connection overrides the
 * callback URL carries.
 */
@RestController
public class StatusCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCallbackController.class);

    private final RecordDeliveryStatus recordDeliveryStatus;
    private final WebhookSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer recordTime;

    public StatusCallbackController(RecordDeliveryStatus recordDeliveryStatus, WebhookSettings settings,
            MeterRegistry meters, Clock clock) {
        this.recordDeliveryStatus = recordDeliveryStatus;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.recordTime = Timer.builder("tracker.callbacks.record.time")
                .description("Time to verify and durably record one status callback")
                .publishPercentileHistogram().register(meters);
    }

    @PostMapping("${tracker.webhook.path:/twilio-status}")
    public ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        String url = SignedUrl.of(request, settings);
        MediaType contentType = contentType(request);
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
            return reject(HttpStatus.BAD_REQUEST, "Content-Type must be application/x-www-form-urlencoded, was "
                    + (request.getContentType() == null ? "nothing" : "'" + request.getContentType() + "'"), url);
        }
        Map<String, List<String>> form;
        try {
            form = FormBody.read(request.getInputStream(), settings.maxBodyBytes());
        } catch (FormBody.TooLarge tooLarge) {
            return reject(HttpStatus.BAD_REQUEST, tooLarge.getMessage(), url);
        } catch (IllegalArgumentException badEncoding) {
            return reject(HttpStatus.BAD_REQUEST, "body is not valid form encoding: " + badEncoding.getMessage(), url);
        }
        StatusCallback callback = new StatusCallback(url, form, request.getHeader("X-Twilio-Signature"),
                request.getHeader("I-Twilio-Idempotency-Token"), clock.instant(), request.getRemoteAddr());
        RecordOutcome outcome = recordTime.record(() -> recordDeliveryStatus.record(callback));
        String status = callback.first("MessageStatus").or(() -> callback.first("SmsStatus")).orElse("none");
        count(outcome, status);
        if (outcome instanceof RecordOutcome.Refused refused) {
            meters.counter("tracker.callbacks.refused", "reason", refused.cause().wireName(),
                    "kept", Boolean.toString(refused.kept())).increment();
            if (!refused.kept()) {
                // Past its source's budget: no log line either, or a flood would fill the log instead.
                return problem(HttpStatus.FORBIDDEN, "Callback signature refused", LogSafe.text(refused.reason())
                        + "; not kept: too many refused callbacks from this address lately");
            }
            LOG.warn("callback refused: {} account={} source={} url={}", LogSafe.text(refused.reason()),
                    LogSafe.text(callback.first("AccountSid").orElse("none")), callback.source(), LogSafe.text(url));
            return problem(HttpStatus.FORBIDDEN, "Callback signature refused", LogSafe.text(refused.reason()));
        }
        if (outcome instanceof RecordOutcome.Rejected rejected) {
            LOG.warn("callback rejected and kept: {} account={} sid={}", LogSafe.text(rejected.reason()),
                    LogSafe.text(callback.first("AccountSid").orElse("none")),
                    LogSafe.text(callback.first("MessageSid").orElse("none")));
            return problem(HttpStatus.BAD_REQUEST, "Callback not readable", rejected.reason());
        }
        if (outcome instanceof RecordOutcome.Unmatched unmatched) {
            LOG.info("callback kept unmatched: sid={} status={}", unmatched.sid(), unmatched.reported().wireName());
        }
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<ProblemDetail> reject(HttpStatus status, String reason, String url) {
        meters.counter("tracker.callbacks", "status", "none", "outcome", "malformed").increment();
        LOG.warn("callback malformed: {} url={}", LogSafe.text(reason), LogSafe.text(url));
        return problem(status, "Callback not readable", reason);
    }

    private void count(RecordOutcome outcome, String status) {
        String name;
        if (outcome instanceof RecordOutcome.Recorded) {
            name = "recorded";
        } else if (outcome instanceof RecordOutcome.Duplicate) {
            name = "duplicate";
        } else if (outcome instanceof RecordOutcome.Unmatched) {
            name = "unmatched";
        } else if (outcome instanceof RecordOutcome.Refused) {
            name = "signature_failed";
        } else {
            name = "rejected";
        }
        // Only known words become tag values: an unsigned request must not mint new time series.
        String tag = DeliveryStatus.lookup(status).map(DeliveryStatus::wireName).orElse("other");
        meters.counter("tracker.callbacks", "status", tag, "outcome", name).increment();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException unparseable) {
            return null;
        }
    }
}
