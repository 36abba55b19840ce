package dev.deliverytracker.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Status-change notifications ({@code tracker.notifications.*}), see docs/notifications.md: the
 * service's part, when and how often it delivers; how notifications are posted (timeouts, connections,
 * receiver addresses) is the sender adapter's. Checked at start; a wrong value stops the start with the
 * setting's name.
 *
 * @param enabled                 whether this instance fans out and posts notifications (subscriptions
 *                                are kept and changes recorded either way)
 * @param interval                pause between delivery rounds when nothing is waiting
 * @param batchSize               status changes and notifications one round takes
 * @param firstRetryDelay         delay after the first failed attempt; doubles after each
 * @param maxRetryDelay           longest delay between attempts
 * @param retryHorizon            how long after its first attempt a notification is tried before it is
 *                                dead-lettered
 * @param deadLetterMaxAge        how long a dead letter is kept for a replay before it is deleted
 * @param perCallbackHost         per-message status callbacks in flight at once to one host and port
 * @param callbacksPerOrganization per-message status callbacks in flight at once for one organization, all
 *                                hosts together: what a sender of many distinct callback URLs can hold
 */
@ConfigurationProperties("tracker.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100ms") Duration interval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("5s") Duration firstRetryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("1d") Duration retryHorizon,
        @DefaultValue("30d") Duration deadLetterMaxAge,
        @DefaultValue("64") int perCallbackHost,
        @DefaultValue("256") int callbacksPerOrganization) {

    public NotificationProperties {
        positive("interval", interval);
        positive("first-retry-delay", firstRetryDelay);
        positive("max-retry-delay", maxRetryDelay);
        positive("dead-letter-max-age", deadLetterMaxAge);
        if (retryHorizon == null || retryHorizon.isNegative()) {
            throw new IllegalArgumentException("tracker.notifications.retry-horizon must not be negative, was "
                    + retryHorizon);
        }
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("tracker.notifications.max-retry-delay must be at least "
                    + "first-retry-delay (" + firstRetryDelay + "), was " + maxRetryDelay);
        }
        range("batch-size", batchSize, 1, 10_000);
        range("per-callback-host", perCallbackHost, 1, 1_000);
        range("callbacks-per-organization", callbacksPerOrganization, perCallbackHost, 100_000);
    }

    /** A claim is held for the sender's longest exchange, with room to write its outcome. */
    static Duration lease(Duration longestExchange) {
        return longestExchange.plusSeconds(30);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tracker.notifications." + name + " must be positive, was " + value);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("tracker.notifications." + name + " must be " + min + " to " + max
                    + ", was " + value);
        }
    }
}
