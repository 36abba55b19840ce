package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.LogFields;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The work about a message as a span ("dispatch", and "send" or "lookup" inside it) tagged with the
 * message's id and organization and, once Twilio took it, its SID; the log fields of
 * {@link LoggedMessageWork} as well. Used only when traces are sampled (ObservabilityConfiguration).
 * Nothing of the message's content or addresses goes on a span.
 */
final class TracedMessageWork implements MessageWork {

    private final Tracer tracer;
    private final MessageWork fields = new LoggedMessageWork();

    TracedMessageWork(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Scope begin(String name, MessageId message, OrganizationId organization) {
        Scope logged = fields.begin(name, message, organization);
        Span span = tracer.nextSpan().name(name).tag(LogFields.MESSAGE_ID, message.toString())
                .tag(LogFields.ORGANIZATION_ID, organization.toString()).start();
        Tracer.SpanInScope current = tracer.withSpan(span);
        return new Scope() {
            @Override
            public void learnt(String field, String value) {
                span.tag(field, value);
            }

            @Override
            public void close() {
                current.close();
                span.end();
                logged.close();
            }
        };
    }
}
