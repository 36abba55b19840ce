package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.MessageSid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;

/**
 * Counts every send to Twilio by what came of it, as {@code tracker.dispatch.sends{outcome}}:
 * {@code accepted}, {@code rejected} (a permanent refusal: the message fails with Twilio's code),
 * {@code transient} (429, 5xx, no answer: retried) and {@code error} (the call broke). Every outcome is
 * registered at start, so an alert on a rate sees zeros rather than no series.
 */
final class CountedMessageGateway implements MessageGateway {

    private final MessageGateway gateway;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter transientFailures;
    private final Counter errors;

    CountedMessageGateway(MessageGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.accepted = sends(meters, "accepted");
        this.rejected = sends(meters, "rejected");
        this.transientFailures = sends(meters, "transient");
        this.errors = sends(meters, "error");
    }

    private static Counter sends(MeterRegistry meters, String outcome) {
        return Counter.builder("tracker.dispatch.sends").tag("outcome", outcome)
                .description("Sends to Twilio's Messages API by outcome").register(meters);
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        SendResult result;
        try {
            result = gateway.send(message);
        } catch (RuntimeException broken) {
            errors.increment();
            throw broken;
        }
        if (result instanceof SendResult.Accepted) {
            accepted.increment();
        } else if (result instanceof SendResult.Rejected) {
            rejected.increment();
        } else {
            transientFailures.increment();
        }
        return result;
    }

    @Override
    public List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
        return gateway.findAccepted(message, since);
    }

    @Override
    public PollResult fetch(AccountSid account, MessageSid sid) {
        return gateway.fetch(account, sid);
    }
}
