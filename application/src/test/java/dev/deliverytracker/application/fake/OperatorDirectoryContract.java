package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every directory of operators promises ({@link OperatorDirectory}), run against
 * {@link InMemoryOperatorDirectory} and PostgreSQL. Operators are saved through the {@link OperatorAccounts}
 * the directory reads; names are unique per test, so tests share a database safely.
 */
public abstract class OperatorDirectoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    protected abstract OperatorDirectory directory();

    /** The operators the directory reads its members from. */
    protected abstract OperatorAccounts accounts();

    protected abstract OrganizationId newOrganization(String name);

    @Test
    void the_members_are_the_operators_with_a_role_in_the_organization_by_username() {
        OrganizationId org = newOrganization(unique("org"));
        OrganizationId other = newOrganization(unique("other"));
        String zed = unique("zed");
        String amy = unique("amy");
        String outsider = unique("out");
        accounts().save(new OperatorAccount(zed, "{noop}z", OperatorRole.VIEWER, Set.of(org)));
        accounts().save(new OperatorAccount(amy, "{noop}a", Map.of(org, OperatorRole.ADMIN,
                other, OperatorRole.OPERATOR), false));
        accounts().save(new OperatorAccount(outsider, "{noop}o", OperatorRole.ADMIN, Set.of(other)));

        assertThat(directory().members(org)).extracting(OperatorAccount::username).containsExactly(amy, zed);
        assertThat(directory().members(org).get(0).roles())
                .as("a member comes with every role, not only this organization's")
                .containsOnly(Map.entry(org, OperatorRole.ADMIN), Map.entry(other, OperatorRole.OPERATOR));
        assertThat(directory().members(newOrganization(unique("empty")))).isEmpty();
    }

    @Test
    void a_disabled_operator_stays_disabled_until_enabled_again() {
        String name = savedOperator();
        assertThat(directory().isDisabled(name)).isFalse();

        assertThat(directory().setDisabled(name, true, NOW)).isTrue();
        assertThat(directory().isDisabled(name)).isTrue();
        assertThat(directory().setDisabled(name, true, NOW.plusSeconds(60))).as("twice").isTrue();
        assertThat(directory().isDisabled(name)).isTrue();

        assertThat(directory().setDisabled(name, false, NOW.plusSeconds(120))).isTrue();
        assertThat(directory().isDisabled(name)).isFalse();
        assertThat(directory().setDisabled(name, false, NOW.plusSeconds(180))).as("enabled twice").isTrue();
    }

    @Test
    void an_operator_that_does_not_exist_can_be_neither_disabled_nor_enabled() {
        String nobody = unique("nobody");

        assertThat(directory().setDisabled(nobody, true, NOW)).isFalse();
        assertThat(directory().isDisabled(nobody)).isFalse();
        assertThat(directory().setDisabled(nobody, false, NOW)).isFalse();
    }

    @Test
    void of_several_usernames_only_the_disabled_ones_are_answered() {
        String disabled = savedOperator();
        String enabled = savedOperator();
        directory().setDisabled(disabled, true, NOW);

        assertThat(directory().disabled(Set.of(disabled, enabled, unique("nobody")))).containsExactly(disabled);
        assertThat(directory().disabled(Set.of(enabled))).isEmpty();
        assertThat(directory().disabled(Set.of())).isEmpty();
    }

    @Test
    void disabling_an_operator_keeps_them_a_member() {
        OrganizationId org = newOrganization(unique("org"));
        String name = unique("kept");
        accounts().save(new OperatorAccount(name, "{noop}k", OperatorRole.OPERATOR, Set.of(org)));

        directory().setDisabled(name, true, NOW);

        assertThat(directory().members(org)).extracting(OperatorAccount::username).containsExactly(name);
    }

    private String savedOperator() {
        String name = unique("op");
        accounts().save(new OperatorAccount(name, "{noop}hash", OperatorRole.VIEWER,
                Set.of(newOrganization(unique("org")))));
        return name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
