package dev.deliverytracker.domain;

/** Whether sending the same message again can succeed, and when. */
public enum RetryAdvice {
    /** A transient condition: retry with backoff. */
    RETRY_WITH_BACKOFF(true),
    /** The condition passes with time (phone off, queue full, daily cap): retry later and slower. */
    RETRY_LATER(true),
    /** Nothing changes by retrying until someone fixes the content, the number or the account. */
    FIX_FIRST(false),
    /** Retrying is wrong: the recipient opted out or does not exist. */
    NEVER(false);

    private final boolean retryable;

    RetryAdvice(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
