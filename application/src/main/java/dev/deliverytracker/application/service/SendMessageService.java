package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.domain.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class SendMessageService implements SendMessage {

    private final Outbox outbox;
    private final AdmitSendRequest admission;
    private final Clock clock;

    public SendMessageService(Outbox outbox, AdmitSendRequest admission, Clock clock) {
        this.outbox = outbox;
        this.admission = admission;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(SendMessageCommand command) {
        // The budget is a rule of sending, whoever asks: the API, or a caller in the same process.
        if (admission.admit(command.caller()) instanceof AdmitSendRequest.Admission.OverBudget over) {
            return new SendOutcome.OverBudget(over);
        }
        // PostgreSQL keeps microseconds: the answer shows the time a later read will show.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String fingerprint = RequestFingerprint.of(command);
        Message pending = Message.pending(command.organization(), command.to(), command.sender(), command.content(),
                command.tags(), command.idempotencyKeyIfAny(), now);
        Outbox.Enqueued enqueued = outbox.enqueue(pending, fingerprint, now, command.statusCallback());
        if (enqueued.created()) {
            return new SendOutcome.Accepted(enqueued.message());
        }
        if (enqueued.requestFingerprint().equals(fingerprint)) {
            return new SendOutcome.Repeated(enqueued.message());
        }
        return new SendOutcome.IdempotencyConflict(enqueued.message().id().orElseThrow(),
                "Idempotency-Key '" + command.idempotencyKey() + "' was already used for message "
                        + enqueued.message().id().orElseThrow() + " with a different request");
    }
}
