package dev.deliverytracker.adapter.web.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio Event Streams sink: this adapter's part of {@code tracker.event-streams.*} (the service owns
 * how events are kept and appended). Checked when the adapter builds the sink's settings; a refused value
 * stops the start naming {@code tracker.event-streams.*}.
 *
 * @param path         where the sink takes Twilio's batches
 * @param maxBodyBytes the largest batch read; a larger one is answered 400
 * @param username     the Basic username of the sink's destination URL, empty for none
 * @param password     its password (both or neither)
 */
@ConfigurationProperties("tracker.event-streams")
public record EventStreamsSinkProperties(
        @DefaultValue("/twilio-events") String path,
        @DefaultValue("1048576") int maxBodyBytes,
        String username,
        String password) {

    public EventStreamsSinkProperties {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "EventStreamsSinkProperties[path=" + path + ", maxBodyBytes=" + maxBodyBytes + ", basicAuth="
                + (username.isEmpty() ? "off" : "on") + "]";
    }
}
