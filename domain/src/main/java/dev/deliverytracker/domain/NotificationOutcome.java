package dev.deliverytracker.domain;

/** Whether an alert or recovery reached its webhook. */
public sealed interface NotificationOutcome {

    /** The receiver answered 2xx. */
    record Sent(int httpStatus) implements NotificationOutcome {
    }

    /** It did not: another status, a timeout, no connection. Kept in the history, never retried. */
    record Failed(String reason) implements NotificationOutcome {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failed notification needs a reason");
            }
        }
    }

    /** Not attempted yet (an incident stored before its notice went out). */
    record Pending() implements NotificationOutcome {
    }
}
