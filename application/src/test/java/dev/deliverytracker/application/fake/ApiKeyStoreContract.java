package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.OrganizationId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store of API keys promises ({@link ApiKeyStore}), run against {@link InMemoryApiKeyStore}
 * and against PostgreSQL. Each test uses organizations and hashes of its own.
 */
public abstract class ApiKeyStoreContract {

    protected abstract ApiKeyStore keys();

    protected abstract OrganizationId newOrganization();

    @Test
    void a_stored_key_is_found_by_its_hash_with_its_organization() {
        OrganizationId org = newOrganization();
        String hash = hash();

        long id = keys().add(org, "first key", hash, "dt_abcd");

        assertThat(keys().findActive(hash)).contains(org);
        assertThat(keys().findActiveKey(hash)).contains(new ApiCaller(id, org));
        assertThat(keys().hasActive(org)).isTrue();
        assertThat(keys().findActive(hash())).isEmpty();
        assertThat(keys().hasActive(newOrganization())).isFalse();
    }

    @Test
    void the_same_hash_again_answers_the_key_already_there() {
        OrganizationId org = newOrganization();
        String hash = hash();
        long first = keys().add(org, "first", hash, "dt_abcd");

        assertThat(keys().add(org, "again", hash, "dt_abcd")).isEqualTo(first);
        assertThat(keys().add(org, "another", hash(), "dt_efgh")).isNotEqualTo(first);
    }

    @Test
    void a_revoked_key_is_found_no_more_and_only_its_organization_can_revoke_it() {
        OrganizationId org = newOrganization();
        String hash = hash();
        long id = keys().add(org, "first", hash, "dt_abcd");

        assertThat(keys().revoke(newOrganization(), id)).as("another organization").isFalse();
        assertThat(keys().findActive(hash)).contains(org);

        assertThat(keys().revoke(org, id)).isTrue();
        assertThat(keys().findActive(hash)).isEmpty();
        assertThat(keys().findActiveKey(hash)).isEmpty();
        assertThat(keys().hasActive(org)).isFalse();
        assertThat(keys().revoke(org, id)).as("twice").isFalse();
    }

    @Test
    void revoking_one_key_leaves_the_others_of_the_organization() {
        OrganizationId org = newOrganization();
        long first = keys().add(org, "first", hash(), "dt_abcd");
        String second = hash();
        keys().add(org, "second", second, "dt_efgh");

        keys().revoke(org, first);

        assertThat(keys().hasActive(org)).isTrue();
        assertThat(keys().findActive(second)).contains(org);
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
