package dev.deliverytracker.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When an organization's failed messages are sent again by themselves: only failures whose Twilio
 * error says a retry can help, at most {@code maxAttempts} tries in all, each wait doubling from
 * {@code firstDelay} up to {@code maxDelay}. An operator may force a retry the policy would refuse.
 */
public record RetryPolicy(boolean enabled, int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 10, was " + maxAttempts);
        }
        if (firstDelay == null || firstDelay.isNegative() || maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("firstDelay must be zero or more and maxDelay at least firstDelay, were "
                    + firstDelay + " and " + maxDelay);
        }
    }

    /** Three tries in all, the second after 5 minutes, the third after 10. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(true, 3, Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** What to do with {@code message} now. */
    public RetryVerdict verdict(Message message, Instant now, boolean forced) {
        if (!message.status().isFailure()) {
            return new RetryVerdict.Refused("message " + message.id().map(Object::toString).orElse("?") + " is "
                    + message.status().wireName() + ", not failed");
        }
        if (message.origin() == Origin.EXTERNAL) {
            // We did not send it: never again by ourselves, and by an operator only with what it said.
            if (message.content() instanceof MessageContent.Unknown) {
                return new RetryVerdict.Refused("message " + message.id().map(Object::toString).orElse("?")
                        + " was sent by another application and its body or template is not known; register it "
                        + "with its content to send it again");
            }
            if (!forced) {
                return new RetryVerdict.Refused("message " + message.id().map(Object::toString).orElse("?")
                        + " was sent by another application: it is sent again only when an operator forces it");
            }
        }
        if (!forced) {
            if (!enabled) {
                return new RetryVerdict.Refused("automatic retries are off for this organization");
            }
            DeliveryError error = message.error();
            boolean worthIt = error.meaning().map(TwilioError::isRetryable).orElse(false);
            if (!worthIt) {
                return new RetryVerdict.Refused(error.isPresent()
                        ? "error " + error.code() + error.meaning().map(known -> " (" + known.title() + ")").orElse("")
                                + " is not worth retrying; force it to send anyway"
                        : "the failure has no Twilio error code saying a retry can help; force it to send anyway");
            }
            if (message.attempts() >= maxAttempts) {
                return new RetryVerdict.Refused("already tried " + message.attempts() + " times, the most this "
                        + "organization allows (" + maxAttempts + ")");
            }
            // A failed message was tried at least once, even when no attempt was counted (a row written by
            // another system, or before attempts were counted): never retry it without the first wait.
            int next = Math.max(message.attempts(), 1) + 1;
            Instant due = message.milestones().at(Milestone.FAILED).orElse(now).plus(delayBefore(next));
            if (now.isBefore(due)) {
                return new RetryVerdict.NotYet(due);
            }
        }
        return new RetryVerdict.Retry();
    }

    /** The wait before try {@code attempt} (the second try waits {@code firstDelay}). */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay;
        for (int i = 2; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
