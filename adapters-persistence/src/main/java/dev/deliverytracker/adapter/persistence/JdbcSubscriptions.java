package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notification subscriptions on PostgreSQL, and each organization's status-callback signer as a row of
 * its own ({@code purpose = 'status_callback'}, V55) that the subscription methods never show; secrets
 * sealed like the Twilio auth tokens.
 */
@Component
class JdbcSubscriptions implements Subscriptions, StatusCallbackSigners {

    static final String COLUMNS = """
            select subscription_id, org_id, url, scope, channels, tags, enabled, paused_reason, secret,
                previous_secret, previous_secret_until, created_at
            from notification_subscriptions
            """;

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    JdbcSubscriptions(JdbcClient jdbc, ObjectProvider<TokenCipher> cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher.getIfAvailable(TokenCipher::none);
        this.clock = clock;
    }

    @Override
    public Subscription add(Subscription subscription) {
        long id = jdbc.sql("""
                insert into notification_subscriptions (org_id, url, scope, channels, tags, enabled, paused_reason,
                    secret, previous_secret, previous_secret_until, created_at, updated_at)
                values (:org, :url, :scope, cast(:channels as text[]), cast(:tags as jsonb), :enabled, :reason,
                    :secret, :previous, :previousUntil, :createdAt, :now)
                returning subscription_id
                """).params(params(subscription)).param("org", subscription.organization().value())
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .query(Long.class).single();
        return subscription.withId(new SubscriptionId(id));
    }

    @Override
    public Optional<Subscription> find(OrganizationId organization, SubscriptionId id) {
        return jdbc.sql(COLUMNS + "where org_id = :org and subscription_id = :id and purpose = 'subscription'")
                .param("org", organization.value()).param("id", id.value()).query(this::subscription).optional();
    }

    @Override
    public List<Subscription> of(OrganizationId organization) {
        return jdbc.sql(COLUMNS + "where org_id = :org and purpose = 'subscription' order by subscription_id").param("org", organization.value())
                .query(this::subscription).list();
    }

    @Override
    public boolean save(Subscription subscription) {
        return jdbc.sql("""
                update notification_subscriptions set url = :url, scope = :scope, channels = cast(:channels as text[]),
                    tags = cast(:tags as jsonb), enabled = :enabled, paused_reason = :reason, secret = :secret,
                    previous_secret = :previous, previous_secret_until = :previousUntil, updated_at = :now
                where subscription_id = :id
                """).params(params(subscription)).param("id", subscription.id().value()).update() == 1;
    }

    @Override
    public boolean remove(OrganizationId organization, SubscriptionId id) {
        return jdbc.sql("""
                delete from notification_subscriptions
                where org_id = :org and subscription_id = :id and purpose = 'subscription'
                """)
                .param("org", organization.value()).param("id", id.value()).update() == 1;
    }

    @Override
    public Optional<Subscription> signerOf(OrganizationId organization) {
        return jdbc.sql(COLUMNS + "where org_id = :org and purpose = 'status_callback'")
                .param("org", organization.value()).query(this::subscription).optional();
    }

    @Override
    public Subscription saveSigner(Subscription signer) {
        if (signer.identity().isPresent()) {
            if (!save(signer)) {
                throw new IllegalStateException("the status-callback signer of " + signer.organization() + " is gone");
            }
            return signer;
        }
        Optional<Long> id = jdbc.sql("""
                insert into notification_subscriptions (org_id, url, scope, channels, tags, enabled, paused_reason,
                    secret, previous_secret, previous_secret_until, created_at, updated_at, purpose)
                values (:org, :url, :scope, cast(:channels as text[]), cast(:tags as jsonb), :enabled, :reason,
                    :secret, :previous, :previousUntil, :createdAt, :now, 'status_callback')
                on conflict (org_id) where purpose = 'status_callback' do nothing
                returning subscription_id
                """).params(params(signer)).param("org", signer.organization().value())
                .param("createdAt", Timestamp.from(signer.createdAt())).query(Long.class).optional();
        // Two first secrets made at the same moment: the other one was kept, and this one must not be shown.
        return signer.withId(new SubscriptionId(id.orElseThrow(() -> new IllegalStateException(
                "the status-callback secret of " + signer.organization() + " was made by another request just now"))));
    }

    private java.util.Map<String, Object> params(Subscription subscription) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("url", subscription.url().toString());
        params.put("scope", subscription.scope().wireName());
        params.put("channels", "{" + subscription.channels().stream().map(Channel::wireName).sorted()
                .collect(Collectors.joining(",")) + "}");
        params.put("tags", StringMapJson.write(subscription.tags()));
        params.put("enabled", subscription.enabled());
        params.put("reason", subscription.pausedReason());
        params.put("secret", cipher.seal(subscription.secret().value()));
        params.put("previous", subscription.previousSecret() == null ? null
                : cipher.seal(subscription.previousSecret().value()));
        params.put("previousUntil", subscription.previousUntil() == null ? null
                : Timestamp.from(subscription.previousUntil()));
        params.put("now", Timestamp.from(clock.instant()));
        return params;
    }

    Subscription subscription(ResultSet row, int index) throws SQLException {
        String previous = row.getString("previous_secret");
        Timestamp previousUntil = row.getTimestamp("previous_secret_until");
        Array channels = row.getArray("channels");
        return new Subscription(new SubscriptionId(row.getLong("subscription_id")),
                OrganizationId.of(row.getLong("org_id")), URI.create(row.getString("url")),
                NotificationScope.parse(row.getString("scope")),
                Arrays.stream((String[]) channels.getArray()).map(Channel::parse).collect(Collectors.toSet()),
                StringMapJson.read(row.getString("tags")), row.getBoolean("enabled"), row.getString("paused_reason"),
                new WebhookSecret(cipher.open(row.getString("secret"))),
                previous == null ? null : new WebhookSecret(cipher.open(previous)),
                previousUntil == null ? null : previousUntil.toInstant(), row.getTimestamp("created_at").toInstant());
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
