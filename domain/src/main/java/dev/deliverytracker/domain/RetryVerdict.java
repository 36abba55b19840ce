package dev.deliverytracker.domain;

import java.time.Instant;

/** Whether a failed message should be sent again now. */
public sealed interface RetryVerdict {

    record Retry() implements RetryVerdict {
    }

    /** Worth retrying, but its backoff has not passed yet. */
    record NotYet(Instant due) implements RetryVerdict {
    }

    record Refused(String reason) implements RetryVerdict {
    }
}
