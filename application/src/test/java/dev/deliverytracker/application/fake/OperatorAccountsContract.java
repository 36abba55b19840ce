package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.out.OperatorAccounts;

import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store of operators promises, run against the fake and PostgreSQL. Names are unique per
 * test, so tests share a database safely.
 */
public abstract class OperatorAccountsContract {

    protected abstract OperatorAccounts accounts();

    /** A new organization called {@code name}. */
    protected abstract OrganizationId newOrganization(String name);

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_operator_reads_back_with_role_and_organizations() {
        String north = unique("north");
        String south = unique("south");
        OrganizationId northId = newOrganization(north);
        OrganizationId southId = newOrganization(south);
        String name = unique("ada");

        accounts().save(new OperatorAccount(name, "{noop}hash", OperatorRole.VIEWER, Set.of(northId, southId)));

        OperatorAccount read = accounts().find(name).orElseThrow();
        assertThat(read.passwordHash()).isEqualTo("{noop}hash");
        assertThat(read.roles()).containsOnly(entry(northId, OperatorRole.VIEWER), entry(southId, OperatorRole.VIEWER));
        assertThat(read.platform()).isFalse();
        assertThat(accounts().organizationsOf(name)).containsExactly(
                new OrganizationName(northId, north), new OrganizationName(southId, south));
        assertThat(accounts().any()).isTrue();
    }

    @Test
    void saving_again_replaces_password_role_and_memberships() {
        OrganizationId first = newOrganization(unique("first"));
        OrganizationId second = newOrganization(unique("second"));
        String name = unique("bo");
        accounts().save(new OperatorAccount(name, "{noop}old", OperatorRole.VIEWER, Set.of(first)));

        accounts().save(new OperatorAccount(name, "{noop}new", OperatorRole.ADMIN, Set.of(second)));

        OperatorAccount read = accounts().find(name).orElseThrow();
        assertThat(read.passwordHash()).isEqualTo("{noop}new");
        assertThat(read.roles()).containsOnly(entry(second, OperatorRole.ADMIN));
    }

    @Test
    void each_membership_keeps_its_own_role_and_the_platform_flag_reads_back() {
        OrganizationId administered = newOrganization(unique("administered"));
        OrganizationId watched = newOrganization(unique("watched"));
        OrganizationId worked = newOrganization(unique("worked"));
        String name = unique("cy");

        accounts().save(new OperatorAccount(name, "{noop}hash", Map.of(administered, OperatorRole.ADMIN,
                watched, OperatorRole.VIEWER, worked, OperatorRole.OPERATOR), true));

        OperatorAccount read = accounts().find(name).orElseThrow();
        assertThat(read.roles()).containsOnly(entry(administered, OperatorRole.ADMIN),
                entry(watched, OperatorRole.VIEWER), entry(worked, OperatorRole.OPERATOR));
        assertThat(read.platform()).isTrue();
    }

    @Test
    void unknown_operators_and_organization_names_are_not_found() {
        String known = unique("known");
        OrganizationId id = newOrganization(known);

        assertThat(accounts().find(unique("nobody"))).isEmpty();
        assertThat(accounts().organizationsOf(unique("nobody"))).isEmpty();
        assertThat(accounts().organizationsNamed(Set.of(known, unique("unknown"))))
                .containsExactly(new OrganizationName(id, known));
    }
}
