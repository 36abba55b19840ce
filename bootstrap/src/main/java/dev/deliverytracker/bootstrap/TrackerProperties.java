package dev.deliverytracker.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the service, with a default that works offline. Checked at start where each is
 * used, with an error that names the setting and what it expects.
 */
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @DefaultValue Webhook webhook,
        @DefaultValue Twilio twilio,
        @DefaultValue EmbeddedDatabase embeddedDatabase) {

    /**
     * @param path where Twilio posts status callbacks
     * @param publicBaseUrl the URL Twilio reaches this service at (PUBLIC_BASE_URL); empty means
     *        rebuild it from the request and its X-Forwarded headers
     * @param signatureCheck {@code required}, or {@code disabled} for local experiments only
     * @param maxBodyBytes the largest callback body accepted
     */
    public record Webhook(
            @DefaultValue("/twilio-status") String path,
            URI publicBaseUrl,
            @DefaultValue("required") String signatureCheck,
            @DefaultValue("65536") int maxBodyBytes) {
    }

    /**
     * @param accountSid the Twilio account to send through; empty starts the embedded simulator
     * @param authToken its auth token
     * @param previousAuthToken the token before a rotation, still accepted on callbacks
     */
    public record Twilio(String accountSid, String authToken, String previousAuthToken) {

        public boolean hasCredentials() {
            return accountSid != null && !accountSid.isBlank();
        }
    }

    /**
     * @param dataDirectory where the embedded PostgreSQL keeps its files across restarts
     * @param port its port; 0 picks a free one
     */
    public record EmbeddedDatabase(
            @DefaultValue(".data/postgres") Path dataDirectory,
            @DefaultValue("0") int port) {
    }
}
