package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryAuditTrail;
import dev.deliverytracker.application.fake.InMemoryInboundMessages;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.fake.InMemoryRetryPolicies;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationAdminServiceTest {

    private static final SendLimits SERVICE_BUDGETS = new SendLimits(new SendLimit(3000, Duration.ofMinutes(1)),
            new SendLimit(6000, Duration.ofMinutes(1)));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryInboundMessages windows = new InMemoryInboundMessages();
    private final OrganizationAdminService organizations = new OrganizationAdminService(directory, audit,
            (organization, defaults) -> defaults, new InMemoryRetryPolicies(), new InMemoryTwilioAccounts(), windows,
            new OrganizationAdminService.ServiceLimits(SERVICE_BUDGETS,
                    new OrganizationLimits.Pacing(1, 20, 10, 1000), Duration.ofDays(400)), clock);

    private final Actor platform = new Actor.Configuration("test");

    private static Actor keyOf(OrganizationId organization, ApiScope... scopes) {
        return Actor.key(new ApiCaller(1, organization, Set.of(scopes)));
    }

    private Organization created(String name) {
        return ((AdminOutcome.Done<Organization>) organizations.create(platform, name)).value();
    }

    @Test
    void a_platform_administrator_creates_organizations_that_are_enabled_and_audited() {
        AdminOutcome<Organization> outcome = organizations.create(platform, " North Brand ");

        assertThat(outcome).isInstanceOfSatisfying(AdminOutcome.Done.class, done ->
                assertThat(((Organization) done.value()).name()).isEqualTo("North Brand"));
        Organization north = directory.findByName("north brand").orElseThrow();
        assertThat(north.enabled()).isTrue();
        assertThat(audit.all(10)).containsExactly(new AuditEntry(clock.instant(), "configuration:test",
                Optional.of(north.id()), "organization.created", java.util.Map.of("name", "North Brand")));
    }

    @Test
    void a_duplicate_name_is_a_conflict_naming_the_field_whatever_its_case() {
        created("acme");

        assertThat(organizations.create(platform, "ACME")).isEqualTo(
                new AdminOutcome.Conflict<>("name", "an organization named 'ACME' exists already"));
        Organization globex = created("globex");
        assertThat(organizations.rename(platform, globex.id(), "Acme")).isInstanceOf(AdminOutcome.Conflict.class);
        assertThat(organizations.rename(platform, globex.id(), "Globex")).as("its own name in another case")
                .isInstanceOf(AdminOutcome.Done.class);
    }

    @Test
    void a_malformed_name_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> organizations.create(platform, "  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name: ");
        assertThat(directory.list()).isEmpty();
        assertThat(audit.all(10)).isEmpty();
    }

    @Test
    void only_a_platform_administrator_creates_disables_and_enables() {
        Organization own = created("own");
        Actor administrator = keyOf(own.id(), ApiScope.MANAGE, ApiScope.READ);

        assertThat(organizations.create(administrator, "mine too")).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(organizations.disable(administrator, own.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(directory.find(own.id()).orElseThrow().enabled()).isTrue();
        assertThat(organizations.rename(administrator, own.id(), "own renamed")).as("its own name it may change")
                .isInstanceOf(AdminOutcome.Done.class);
    }

    @Test
    void another_organizations_key_learns_nothing_and_changes_nothing() {
        Organization north = created("north");
        Organization south = created("south");
        Actor southAdmin = keyOf(south.id(), ApiScope.values());
        southAdmin = Actor.key(new ApiCaller(2, south.id(), EnumSet.of(ApiScope.SEND, ApiScope.READ, ApiScope.MANAGE)));
        int audited = audit.all(100).size();

        assertThat(organizations.find(southAdmin, north.id())).isEqualTo(
                new AdminOutcome.NotFound<>("organization " + north.id()));
        assertThat(organizations.rename(southAdmin, north.id(), "taken over")).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(organizations.disable(southAdmin, north.id())).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(organizations.find(southAdmin, OrganizationId.of(999)))
                .as("one that does not exist answers the same").isEqualTo(
                        new AdminOutcome.NotFound<>("organization 999"));
        assertThat(organizations.list(southAdmin)).containsExactly(south);
        assertThat(directory.find(north.id()).orElseThrow()).isEqualTo(north);
        assertThat(audit.all(100)).hasSize(audited);
    }

    @Test
    void operators_see_their_organizations_and_only_their_admins_rename() {
        Organization north = created("north");
        Organization south = created("south");
        Actor viewer = new Actor.Operator("vi", Map.of(north.id(), OperatorRole.VIEWER), false);

        assertThat(organizations.list(viewer)).containsExactly(north);
        assertThat(organizations.find(viewer, north.id())).isInstanceOf(AdminOutcome.Done.class);
        assertThat(organizations.find(viewer, south.id())).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(organizations.rename(viewer, north.id(), "x")).isInstanceOf(AdminOutcome.Forbidden.class);
        Actor platformOperator = new Actor.Operator("root", Map.of(), true);
        assertThat(organizations.list(platformOperator)).containsExactly(north, south);
    }

    @Test
    void a_key_without_the_read_scope_may_not_read_its_own_organization() {
        Organization own = created("own");

        assertThat(organizations.find(keyOf(own.id(), ApiScope.SEND), own.id()))
                .isEqualTo(new AdminOutcome.Forbidden<>("an API key with scope 'read'"));
    }

    @Test
    void disabling_and_enabling_are_audited_once_and_repeating_them_changes_nothing() {
        Organization north = created("north");

        assertThat(organizations.disable(platform, north.id())).isEqualTo(AdminOutcome.done(north.disabled()));
        assertThat(organizations.disable(platform, north.id())).isEqualTo(AdminOutcome.done(north.disabled()));
        clock.advance(Duration.ofMinutes(1));
        assertThat(organizations.enable(platform, north.id())).isEqualTo(AdminOutcome.done(north));

        assertThat(audit.of(north.id(), 10)).extracting(AuditEntry::action)
                .containsExactly("organization.enabled", "organization.disabled", "organization.created");
        assertThat(audit.of(north.id(), 10).get(1).changes())
                .containsEntry("enabled.before", "true").containsEntry("enabled.after", "false");
    }

    @Test
    void the_limits_of_an_organization_are_read_in_one_place() {
        Organization north = created("north");
        windows.set(north.id(), WindowEnforcement.REFUSE);

        OrganizationLimits limits = ((AdminOutcome.Done<OrganizationLimits>) organizations.find(
                keyOf(north.id(), ApiScope.READ), north.id())).value();

        assertThat(limits.organization()).isEqualTo(north);
        assertThat(limits.perApiKeyBudget()).isEqualTo(SERVICE_BUDGETS.perApiKey());
        assertThat(limits.organizationBudget()).isEqualTo(SERVICE_BUDGETS.perOrganization());
        assertThat(limits.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(limits.windowEnforcement()).isEqualTo(WindowEnforcement.REFUSE);
        assertThat(limits.adoption()).as("no Twilio account yet").isEmpty();
        assertThat(limits.retention()).isEqualTo(Duration.ofDays(400));
        assertThat(limits.pacing().smsNumberPerSecond()).isEqualTo(1);
    }

    @Test
    void the_audit_trail_is_an_organizations_own_to_its_administrators_and_all_of_it_to_the_platform() {
        Organization north = created("north");
        Organization south = created("south");
        AuditTrailService trail = new AuditTrailService(audit);

        assertThat(trail.find(keyOf(north.id(), ApiScope.MANAGE), Optional.of(north.id()), 10))
                .isInstanceOfSatisfying(AdminOutcome.Done.class, done -> assertThat((List<?>) done.value()).hasSize(1));
        assertThat(trail.find(keyOf(north.id(), ApiScope.MANAGE), Optional.of(south.id()), 10))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(trail.find(keyOf(north.id(), ApiScope.READ), Optional.of(north.id()), 10))
                .isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(trail.find(keyOf(north.id(), ApiScope.MANAGE), Optional.empty(), 10))
                .isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(trail.find(platform, Optional.empty(), 10))
                .isInstanceOfSatisfying(AdminOutcome.Done.class, done -> assertThat((List<?>) done.value()).hasSize(2));
        assertThatThrownBy(() -> trail.find(platform, Optional.empty(), 0)).hasMessageStartingWith("limit: ");
    }
}
