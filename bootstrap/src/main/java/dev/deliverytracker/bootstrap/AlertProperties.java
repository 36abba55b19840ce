package dev.deliverytracker.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert job, checked at start.
 *
 * @param enabled whether this instance evaluates alert rules (a database lock lets one instance at a time)
 * @param interval the pause between two evaluation rounds
 * @param cooldown after a recovery, how long a rule stays quiet before it may fire again
 * @param webhookTimeout how long a webhook may take to connect and answer
 */
@ConfigurationProperties("tracker.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("15m") Duration cooldown,
        @DefaultValue("5s") Duration webhookTimeout) {

    public AlertProperties {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tracker.alerts.interval must be at least 1s, was " + interval);
        }
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("tracker.alerts.cooldown must be zero or positive, was " + cooldown);
        }
        if (webhookTimeout == null || webhookTimeout.compareTo(Duration.ofMillis(100)) < 0
                || webhookTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("tracker.alerts.webhook-timeout must be between 100ms and 1m, was "
                    + webhookTimeout);
        }
    }
}
