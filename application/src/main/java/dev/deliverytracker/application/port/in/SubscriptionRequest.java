package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.NotificationScope;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a subscription is for: the receiver's URL, which changes, and filters (empty: everything). */
public record SubscriptionRequest(URI url, NotificationScope scope, Set<Channel> channels, Map<String, String> tags) {

    public SubscriptionRequest {
        Objects.requireNonNull(url, "url");
        scope = scope == null ? NotificationScope.EVERY_STATUS : scope;
        if (tags != null && tags.entrySet().stream().anyMatch(tag -> tag.getKey() == null || tag.getValue() == null
                || tag.getKey().isBlank())) {
            throw new IllegalArgumentException("tags must map names to values, none of them empty or null");
        }
        if (tags != null && tags.size() > 20) {
            throw new IllegalArgumentException("a subscription filters by at most 20 tags, not " + tags.size());
        }
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (url.toString().length() > 2000) {
            throw new IllegalArgumentException("url must be at most 2000 characters");
        }
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry credentials before the host");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment");
        }
    }
}
