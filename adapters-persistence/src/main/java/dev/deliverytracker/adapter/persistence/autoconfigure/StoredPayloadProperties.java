package dev.deliverytracker.adapter.persistence.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How provider payloads are stored: this adapter's part of {@code tracker.retention.*} (the service owns
 * the rest, the purge job's).
 *
 * @param maskPhoneNumbers mask From, To and ChannelToAddress in payloads stored from now on
 */
@ConfigurationProperties("tracker.retention")
public record StoredPayloadProperties(@DefaultValue("false") boolean maskPhoneNumbers) {
}
