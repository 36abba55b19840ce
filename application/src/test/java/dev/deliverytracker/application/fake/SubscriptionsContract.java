package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every store of notification subscriptions promises ({@link Subscriptions}), run against the
 * in-memory {@link InMemorySubscriptions} and against PostgreSQL. Each test uses organizations of its own.
 */
public abstract class SubscriptionsContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract Subscriptions subscriptions();

    /** An organization of this test's own, with no subscription yet. */
    protected abstract OrganizationId newOrganization();

    @Test
    void an_added_subscription_gets_an_id_and_reads_back_with_its_filters_and_secret() {
        OrganizationId org = newOrganization();
        Subscription created = subscriptions().add(Subscription.create(org, URI.create("https://r.example.com/h?x=1"),
                NotificationScope.FINAL_ONLY, Set.of(Channel.SMS), Map.of("team", "a"), T0));

        assertThat(created.identity()).isPresent();
        assertThat(subscriptions().find(org, created.id())).contains(created);
        assertThat(created.url()).isEqualTo(URI.create("https://r.example.com/h?x=1"));
        assertThat(created.channels()).containsExactly(Channel.SMS);
        assertThat(created.tags()).containsExactly(Map.entry("team", "a"));
        assertThat(created.enabled()).isTrue();
    }

    @Test
    void an_organization_sees_only_its_own_in_the_order_they_were_added() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        Subscription first = add(org);
        Subscription theirs = add(other);
        Subscription second = add(org);

        assertThat(subscriptions().of(org)).containsExactly(first, second);
        assertThat(subscriptions().find(org, theirs.id())).isEmpty();
        assertThat(subscriptions().remove(org, theirs.id())).as("not this organization's").isFalse();
        assertThat(subscriptions().find(other, theirs.id())).contains(theirs);
        assertThat(subscriptions().of(newOrganization())).isEmpty();
    }

    @Test
    void saving_keeps_the_state_and_both_secrets_of_a_rotation() {
        OrganizationId org = newOrganization();
        Subscription created = add(org);
        Subscription rotated = created.rotated(WebhookSecret.generate(), T0.plusSeconds(3600)).paused("410 Gone");

        assertThat(subscriptions().save(rotated)).isTrue();

        Subscription read = subscriptions().find(org, created.id()).orElseThrow();
        assertThat(read).isEqualTo(rotated);
        assertThat(read.enabled()).isFalse();
        assertThat(read.signingSecrets(T0)).hasSize(2);
        assertThat(subscriptions().save(read.resumed())).isTrue();
        assertThat(subscriptions().find(org, created.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void a_removed_subscription_is_gone_and_cannot_be_saved_or_removed_again() {
        OrganizationId org = newOrganization();
        Subscription created = add(org);

        assertThat(subscriptions().remove(org, created.id())).isTrue();

        assertThat(subscriptions().find(org, created.id())).isEmpty();
        assertThat(subscriptions().of(org)).isEmpty();
        assertThat(subscriptions().save(created.paused("late"))).isFalse();
        assertThat(subscriptions().remove(org, created.id())).isFalse();
        assertThat(subscriptions().find(org, new SubscriptionId(Long.MAX_VALUE))).isEmpty();
    }

    private Subscription add(OrganizationId org) {
        return subscriptions().add(Subscription.create(org, URI.create("https://receiver.example.com/hooks"),
                NotificationScope.EVERY_STATUS, Set.of(), Map.of(), T0));
    }
}
