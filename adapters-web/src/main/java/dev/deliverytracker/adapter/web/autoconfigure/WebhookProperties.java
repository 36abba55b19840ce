package dev.deliverytracker.adapter.web.autoconfigure;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Twilio reaches the status webhook and how much of it is taken: this adapter's part of
 * {@code tracker.webhook.*} (the service owns {@code signature-check}). Checked when the adapter builds
 * its settings; a refused value stops the start naming the setting.
 *
 * @param path          where Twilio posts status callbacks
 * @param publicBaseUrl the URL Twilio reaches this service at (PUBLIC_BASE_URL); empty means rebuild it
 *                      from the request and its X-Forwarded headers
 * @param maxBodyBytes  the largest callback body accepted
 * @param refusalLimit  how many refused callbacks one source address may have kept
 */
@ConfigurationProperties("tracker.webhook")
public record WebhookProperties(
        @DefaultValue("/twilio-status") String path,
        URI publicBaseUrl,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue RefusalLimit refusalLimit) {

    /**
     * A token bucket per source address for callbacks that fail the signature check (a callback that
     * verifies never touches it), per instance.
     *
     * @param burst      refused callbacks a source may have kept at once
     * @param refill     the time after which it may have one more kept
     * @param maxSources addresses tracked at once; the least recently seen is forgotten beyond that
     */
    public record RefusalLimit(
            @DefaultValue("60") int burst,
            @DefaultValue("1s") Duration refill,
            @DefaultValue("10000") int maxSources) {
    }
}
