package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.in.AdmitSendRequest.Admission.OverBudget;

/** A send-like request over its budget; {@link ApiExceptionHandler} answers it 429 with Retry-After. */
final class SendBudgetExceeded extends RuntimeException {

    private final transient OverBudget over;

    SendBudgetExceeded(OverBudget over) {
        super(over.budget().wireName() + " send budget spent", null, false, false);
        this.over = over;
    }

    OverBudget over() {
        return over;
    }

    /** Whole seconds, rounded up: a client that waits this long finds a token (HTTP has no fractions here). */
    long retryAfterSeconds() {
        long nanos = over.retryAfter().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
