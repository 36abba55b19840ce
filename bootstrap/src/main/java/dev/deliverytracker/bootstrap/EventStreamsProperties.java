package dev.deliverytracker.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's part of the Twilio Event Streams settings ({@code tracker.event-streams.*}; where the
 * sink is and who may post to it are the web adapter's). Checked at start; a wrong value stops the start
 * with the setting's name.
 *
 * @param keptMaxAge    how long events kept unread (types the tracker does not read) are kept
 * @param appendThreads how many events of one batch are handed to the delivery log at once
 */
@ConfigurationProperties("tracker.event-streams")
public record EventStreamsProperties(
        @DefaultValue("7d") Duration keptMaxAge,
        @DefaultValue("16") int appendThreads) {

    public EventStreamsProperties {
        if (keptMaxAge == null || keptMaxAge.isNegative() || keptMaxAge.isZero()) {
            throw new IllegalArgumentException("tracker.event-streams.kept-max-age must be positive, was " + keptMaxAge);
        }
        if (appendThreads < 1 || appendThreads > 256) {
            throw new IllegalArgumentException("tracker.event-streams.append-threads must be 1 to 256, was "
                    + appendThreads);
        }
    }
}
