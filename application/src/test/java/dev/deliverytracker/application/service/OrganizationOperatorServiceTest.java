package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.deliverytracker.application.fake.InMemoryAuditTrail;
import dev.deliverytracker.application.fake.InMemoryOperatorAccounts;
import dev.deliverytracker.application.fake.InMemoryOperatorDirectory;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators.Credentials;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators.Member;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationOperatorServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryOrganizationDirectory organizations = new InMemoryOrganizationDirectory();
    private final InMemoryOperatorAccounts accounts = new InMemoryOperatorAccounts();
    private final InMemoryOperatorDirectory directory = new InMemoryOperatorDirectory(accounts);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final OrganizationOperatorService operators = new OrganizationOperatorService(accounts, directory,
            organizations, password -> "{hashed}" + password, audit, new SecureRandom(), clock);
    private final OrganizationId north = organizations.create("north", clock.instant()).orElseThrow().id();
    private final OrganizationId south = organizations.create("south", clock.instant()).orElseThrow().id();

    private static Actor adminOf(OrganizationId organization) {
        return Actor.key(new ApiCaller(1, organization, Set.of(ApiScope.MANAGE, ApiScope.READ)));
    }

    private String invite(OrganizationId organization, String username, String role) {
        return ((AdminOutcome.Done<Credentials>) operators.invite(adminOf(organization), organization, username, role))
                .value().password();
    }

    @Test
    void an_invited_operator_gets_a_password_shown_once_and_the_audit_never_holds_it() {
        String password = invite(north, "ada", "viewer");

        OperatorAccount stored = accounts.find("ada").orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo("{hashed}" + password);
        assertThat(stored.roles()).containsOnly(entry(north, OperatorRole.VIEWER));
        assertThat(audit.of(north, 10)).singleElement().satisfies(entry ->
                assertThat(entry.changes().toString()).doesNotContain(password));
        assertThat(operators.invite(adminOf(south), south, "ada", "admin"))
                .isEqualTo(new AdminOutcome.Conflict<>("username", "the username 'ada' is taken"));
    }

    @Test
    void bad_usernames_and_roles_are_refused_naming_the_field() {
        assertThatThrownBy(() -> operators.invite(adminOf(north), north, "a b", "viewer"))
                .hasMessageStartingWith("username: ");
        assertThatThrownBy(() -> operators.invite(adminOf(north), north, "bo", "root"))
                .hasMessageStartingWith("role: ");
    }

    @Test
    void the_last_enabled_administrator_is_never_disabled() {
        invite(north, "root", "admin");

        assertThat(operators.disable(adminOf(north), north, "root")).isInstanceOf(AdminOutcome.Conflict.class);
        invite(north, "second", "admin");
        assertThat(operators.disable(adminOf(north), north, "root")).isEqualTo(
                AdminOutcome.done(new Member("root", OperatorRole.ADMIN, true)));
        assertThat(operators.disable(adminOf(north), north, "second")).as("now the last one")
                .isInstanceOf(AdminOutcome.Conflict.class);
        assertThat(directory.isDisabled("root")).isTrue();
        assertThat(operators.enable(adminOf(north), north, "root")).isInstanceOf(AdminOutcome.Done.class);
    }

    @Test
    void another_organizations_administrator_neither_sees_nor_changes_an_operator() {
        String password = invite(north, "ada", "viewer");

        assertThat(operators.list(adminOf(south), north)).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(operators.disable(adminOf(south), north, "ada")).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(operators.disable(adminOf(south), south, "ada")).as("not a member of south")
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(operators.resetPassword(adminOf(south), south, "ada")).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(accounts.find("ada").orElseThrow().passwordHash()).isEqualTo("{hashed}" + password);
        assertThat(directory.isDisabled("ada")).isFalse();
    }

    @Test
    void an_operator_of_several_organizations_is_changed_by_the_platform_only() {
        accounts.save(new OperatorAccount("shared", "{hashed}x", OperatorRole.VIEWER, Set.of(north, south)));

        assertThat(operators.resetPassword(adminOf(north), north, "shared")).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(operators.resetPassword(new Actor.Configuration("t"), north, "shared"))
                .isInstanceOf(AdminOutcome.Done.class);
        assertThat(accounts.find("shared").orElseThrow().organizations()).containsExactlyInAnyOrder(north, south);
    }

    @Test
    void members_are_listed_with_role_and_whether_disabled() {
        invite(north, "root", "admin");
        invite(north, "ada", "viewer");
        operators.disable(adminOf(north), north, "ada");

        assertThat(((AdminOutcome.Done<List<Member>>) operators.list(adminOf(north), north)).value()).containsExactly(
                new Member("ada", OperatorRole.VIEWER, true), new Member("root", OperatorRole.ADMIN, false));
    }

    @Test
    void a_role_changes_in_one_organization_and_stays_in_the_others() {
        accounts.save(new OperatorAccount("shared", "{hashed}x", OperatorRole.VIEWER, Set.of(north, south)));
        int audited = audit.of(north, 10).size();

        assertThat(operators.changeRole(adminOf(north), north, "shared", "operator")).isEqualTo(
                AdminOutcome.done(new Member("shared", OperatorRole.OPERATOR, false)));

        assertThat(accounts.find("shared").orElseThrow().roles()).containsOnly(entry(north, OperatorRole.OPERATOR),
                entry(south, OperatorRole.VIEWER));
        assertThat(audit.of(north, 10)).hasSize(audited + 1).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("operator.role-changed");
            assertThat(entry.changes()).containsEntry("role", "viewer -> operator");
        });
    }

    @Test
    void the_last_enabled_administrator_cannot_be_made_less_and_another_organization_cannot_change_roles() {
        invite(north, "root", "admin");
        invite(north, "ada", "viewer");

        assertThat(operators.changeRole(adminOf(north), north, "root", "viewer")).isEqualTo(new AdminOutcome.Conflict<>(
                "username", "'root' is the last enabled administrator of organization " + north
                        + "; make another one first"));
        assertThat(operators.changeRole(adminOf(south), north, "ada", "admin")).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(operators.changeRole(adminOf(south), south, "ada", "admin")).as("not a member of south")
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThatThrownBy(() -> operators.changeRole(adminOf(north), north, "ada", "owner"))
                .hasMessageStartingWith("role: ");
        assertThat(accounts.find("root").orElseThrow().roles()).containsOnly(entry(north, OperatorRole.ADMIN));
        assertThat(accounts.find("ada").orElseThrow().roles()).containsOnly(entry(north, OperatorRole.VIEWER));
    }

    @Test
    void an_operator_actor_manages_only_where_they_are_administrator() {
        invite(north, "root", "admin");
        invite(north, "ada", "viewer");
        Actor mixed = new Actor.Operator("mixed", Map.of(north, OperatorRole.OPERATOR, south, OperatorRole.ADMIN),
                false);

        assertThat(operators.list(mixed, north)).as("any member reads").isInstanceOf(AdminOutcome.Done.class);
        assertThat(operators.invite(mixed, north, "bo", "viewer")).isEqualTo(
                new AdminOutcome.Forbidden<>("the role 'admin' in this organization"));
        assertThat(operators.invite(mixed, south, "bo", "viewer")).isInstanceOf(AdminOutcome.Done.class);
        assertThat(accounts.find("bo").orElseThrow().roles()).containsOnly(entry(south, OperatorRole.VIEWER));
    }
}
