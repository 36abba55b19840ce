package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.LogFields;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One span ("callback") per status callback, from its arrival to its durable outcome: the outcome,
 * Twilio's SIDs when they have the form of SIDs (the form is untrusted input) and, once recorded, our
 * message id. A failure is tagged with its type only: a database error's text may quote a value.
 * Used only when traces are sampled, so the webhook's path is untouched otherwise.
 */
final class TracedRecordDeliveryStatus implements RecordDeliveryStatus {

    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-f]{32}");
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");

    private final RecordDeliveryStatus recorder;
    private final Tracer tracer;

    TracedRecordDeliveryStatus(RecordDeliveryStatus recorder, Tracer tracer) {
        this.recorder = recorder;
        this.tracer = tracer;
    }

    @Override
    public RecordOutcome record(StatusCallback callback) {
        Span span = tracer.nextSpan().name("callback").start();
        callback.first("MessageSid").filter(sid -> MESSAGE_SID.matcher(sid).matches())
                .ifPresent(sid -> span.tag(LogFields.MESSAGE_SID, sid));
        callback.first("AccountSid").filter(sid -> ACCOUNT_SID.matcher(sid).matches())
                .ifPresent(sid -> span.tag(LogFields.ACCOUNT_SID, sid));
        try (Tracer.SpanInScope current = tracer.withSpan(span)) {
            RecordOutcome outcome = recorder.record(callback);
            span.tag("outcome", outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            if (outcome instanceof RecordOutcome.Recorded recorded) {
                span.tag(LogFields.MESSAGE_ID, recorded.messageId().toString());
            }
            return outcome;
        } catch (RuntimeException notRecorded) {
            span.tag("outcome", "unavailable").tag("error.type", notRecorded.getClass().getName());
            throw notRecorded;
        } finally {
            span.end();
        }
    }
}
