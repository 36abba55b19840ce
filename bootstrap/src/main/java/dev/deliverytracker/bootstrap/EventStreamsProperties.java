package dev.deliverytracker.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio Event Streams sink ({@code tracker.event-streams.*}). Checked at start; a wrong value
 * stops the start with the setting's name.
 *
 * @param path          where the sink takes Twilio's batches
 * @param maxBodyBytes  the largest batch read; a larger one is answered 400
 * @param username      the Basic username of the sink's destination URL, empty for none
 * @param password      its password (both or neither)
 * @param keptMaxAge    how long events kept unread (types the tracker does not read) are kept
 * @param appendThreads how many events of one batch are handed to the delivery log at once
 */
@ConfigurationProperties("tracker.event-streams")
public record EventStreamsProperties(
        @DefaultValue("/twilio-events") String path,
        @DefaultValue("1048576") int maxBodyBytes,
        String username,
        String password,
        @DefaultValue("7d") Duration keptMaxAge,
        @DefaultValue("16") int appendThreads) {

    public EventStreamsProperties {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (keptMaxAge == null || keptMaxAge.isNegative() || keptMaxAge.isZero()) {
            throw new IllegalArgumentException("tracker.event-streams.kept-max-age must be positive, was " + keptMaxAge);
        }
        if (appendThreads < 1 || appendThreads > 256) {
            throw new IllegalArgumentException("tracker.event-streams.append-threads must be 1 to 256, was "
                    + appendThreads);
        }
    }

    @Override
    public String toString() {
        return "EventStreamsProperties[path=" + path + ", maxBodyBytes=" + maxBodyBytes + ", basicAuth="
                + (username.isEmpty() ? "off" : "on") + ", keptMaxAge=" + keptMaxAge + ", appendThreads="
                + appendThreads + "]";
    }
}
