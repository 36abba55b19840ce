package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.WebhookSecret;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every keeper of the organizations' status-callback signers promises ({@link StatusCallbackSigners}),
 * run against {@link InMemorySubscriptions} and against PostgreSQL: one signer per organization, its
 * secrets as saved, hidden from the organization's subscriptions. Each test uses organizations of its own.
 */
public abstract class StatusCallbackSignersContract {

    /** Whole seconds: the database keeps microseconds. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    protected abstract StatusCallbackSigners signers();

    /** The same store's subscriptions, which must not show the signer. */
    protected abstract Subscriptions subscriptions();

    protected abstract OrganizationId newOrganization();

    @Test
    void an_organization_has_no_signer_until_its_first_is_saved() {
        assertThat(signers().signerOf(newOrganization())).isEmpty();
    }

    @Test
    void a_first_signer_is_saved_with_an_id_and_read_back_with_its_secret() {
        OrganizationId organization = newOrganization();

        Subscription saved = signers().saveSigner(signer(organization));

        assertThat(saved.identity()).isPresent();
        assertThat(signers().signerOf(organization)).contains(saved);
    }

    @Test
    void rotated_secrets_replace_the_signers_under_the_same_id() {
        OrganizationId organization = newOrganization();
        Subscription first = signers().saveSigner(signer(organization));
        Subscription rotated = first.rotated(WebhookSecret.generate(), NOW.plusSeconds(3600));

        signers().saveSigner(rotated);

        assertThat(signers().signerOf(organization)).contains(rotated);
        assertThat(signers().signerOf(organization).orElseThrow().signingSecrets(NOW))
                .containsExactly(rotated.secret(), first.secret());
    }

    @Test
    void an_organization_keeps_one_signer_and_a_second_first_one_is_refused() {
        OrganizationId organization = newOrganization();
        Subscription kept = signers().saveSigner(signer(organization));

        assertThatThrownBy(() -> signers().saveSigner(signer(organization))).isInstanceOf(IllegalStateException.class);

        assertThat(signers().signerOf(organization)).contains(kept);
    }

    @Test
    void the_signer_is_not_one_of_the_organizations_subscriptions() {
        OrganizationId organization = newOrganization();
        Subscription signer = signers().saveSigner(signer(organization));

        assertThat(subscriptions().of(organization)).isEmpty();
        assertThat(subscriptions().find(organization, signer.id())).isEmpty();
        assertThat(subscriptions().remove(organization, signer.id())).isFalse();
        assertThat(signers().signerOf(organization)).contains(signer);
    }

    @Test
    void each_organization_has_its_own_signer() {
        OrganizationId one = newOrganization();
        OrganizationId two = newOrganization();

        Subscription first = signers().saveSigner(signer(one));
        Subscription second = signers().saveSigner(signer(two));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(signers().signerOf(one)).contains(first);
        assertThat(signers().signerOf(two)).contains(second);
    }

    private static Subscription signer(OrganizationId organization) {
        return Subscription.create(organization, StatusCallbackSigners.SIGNER_URL, NotificationScope.EVERY_STATUS,
                Set.of(), Map.of(), NOW);
    }
}
