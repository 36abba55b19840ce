package dev.deliverytracker.adapter.web.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are posted: this adapter's part of {@code tracker.notifications.*} (the service owns
 * when and how often it delivers; it asks the sender how long an exchange takes and how many it carries to
 * one receiver). Checked at start; a wrong value stops the start with the setting's name.
 *
 * @param perSubscription       notifications in flight at once for one subscription (and connections kept
 *                              to one receiver)
 * @param connectTimeout        longest wait for a receiver's connection
 * @param answerTimeout         longest wait for a receiver's answer once connected
 * @param allowPrivateAddresses whether receivers may resolve to private, loopback or link-local addresses
 * @param allowHttpLoopback     whether plain http to a loopback address is allowed (development)
 * @param senderThreads         threads that complete the HTTP exchanges (none waits on a receiver)
 */
@ConfigurationProperties("tracker.notifications")
public record NotificationSenderProperties(
        @DefaultValue("64") int perSubscription,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration answerTimeout,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("false") boolean allowHttpLoopback,
        @DefaultValue("4") int senderThreads) {

    public NotificationSenderProperties {
        positive("connect-timeout", connectTimeout);
        positive("answer-timeout", answerTimeout);
        range("per-subscription", perSubscription, 1, 1_000);
        range("sender-threads", senderThreads, 1, 256);
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
