package dev.deliverytracker.domain;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's wish to hear about status changes: where to post them, which changes, for which
 * channels and tags, whether it is on, and the secrets the posts are signed with. During a rotation
 * the previous secret signs beside the current one until {@code previousUntil}, so a receiver can
 * switch its key without missing a notification.
 */
public record Subscription(SubscriptionId id, OrganizationId organization, URI url, NotificationScope scope,
        Set<Channel> channels, Map<String, String> tags, boolean enabled, String pausedReason,
        WebhookSecret secret, WebhookSecret previousSecret, Instant previousUntil, Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        channels = Set.copyOf(channels);
        tags = Map.copyOf(tags);
        pausedReason = pausedReason == null ? "" : pausedReason;
        if ((previousSecret == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret comes with the time it stops signing");
        }
    }

    /** A new, enabled subscription with a fresh secret; its id comes from the store. */
    public static Subscription create(OrganizationId organization, URI url, NotificationScope scope,
            Set<Channel> channels, Map<String, String> tags, Instant now) {
        return new Subscription(null, organization, url, scope, channels, tags, true, "", WebhookSecret.generate(),
                null, null, now);
    }

    public Optional<SubscriptionId> identity() {
        return Optional.ofNullable(id);
    }

    public Subscription withId(SubscriptionId newId) {
        return new Subscription(newId, organization, url, scope, channels, tags, enabled, pausedReason, secret,
                previousSecret, previousUntil, createdAt);
    }

    /** Whether this subscription wants to hear that {@code message} now has its current status. */
    public boolean wants(Message message) {
        return message.organization().equals(organization)
                && scope.covers(message.status(), message.channel())
                && (channels.isEmpty() || channels.contains(message.channel()))
                && tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(message.tags().get(tag.getKey())));
    }

    public Subscription paused(String reason) {
        return new Subscription(id, organization, url, scope, channels, tags, false, reason, secret, previousSecret,
                previousUntil, createdAt);
    }

    public Subscription resumed() {
        return new Subscription(id, organization, url, scope, channels, tags, true, "", secret, previousSecret,
                previousUntil, createdAt);
    }

    public Subscription changed(URI newUrl, NotificationScope newScope, Set<Channel> newChannels,
            Map<String, String> newTags) {
        return new Subscription(id, organization, newUrl, newScope, newChannels, newTags, enabled, pausedReason,
                secret, previousSecret, previousUntil, createdAt);
    }

    /** A new secret signs from now on; the current one keeps signing beside it until {@code overlapEnd}. */
    public Subscription rotated(WebhookSecret next, Instant overlapEnd) {
        return new Subscription(id, organization, url, scope, channels, tags, enabled, pausedReason, next, secret,
                overlapEnd, createdAt);
    }

    /** The secrets that sign a notification sent at {@code now}: the current one first. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && now.isBefore(previousUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", org=" + organization + ", url=" + url.getScheme() + "://" + url.getHost()
                + "/…, scope=" + scope.wireName() + ", enabled=" + enabled + "]";
    }
}
