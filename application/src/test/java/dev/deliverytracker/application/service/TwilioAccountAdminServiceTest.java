package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryAuditTrail;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.fake.InMemoryTwilioAccountRegistry;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.ScriptedAccountCheck;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwilioAccountAdminServiceTest {

    private static final AccountSid MAIN = AccountSid.of("AC" + "1".repeat(32));
    private static final AccountSid SUB = AccountSid.of("AC" + "2".repeat(32));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();
    private final InMemoryTwilioAccountRegistry registry = new InMemoryTwilioAccountRegistry();
    private final ScriptedAccountCheck twilio = new ScriptedAccountCheck().account(MAIN, "main-token")
            .subaccount(MAIN, SUB, "sub-token");
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final TwilioAccountAdminService accounts = new TwilioAccountAdminService(registry, twilio, directory, audit,
            clock);
    private final OrganizationId north = directory.create("north", clock.instant()).orElseThrow().id();
    private final OrganizationId south = directory.create("south", clock.instant()).orElseThrow().id();

    private static Actor adminOf(OrganizationId organization) {
        return Actor.key(new ApiCaller(1, organization, Set.of(ApiScope.MANAGE, ApiScope.READ)));
    }

    @Test
    void an_account_twilio_verifies_is_registered_with_its_parent_and_audited_without_its_token() {
        assertThat(accounts.register(adminOf(north), north, MAIN.value(), "main-token"))
                .isInstanceOf(AdminOutcome.Done.class);
        AdminOutcome<RegisteredAccount> sub = accounts.register(adminOf(north), north, SUB.value(), "sub-token");

        assertThat(sub).isInstanceOfSatisfying(AdminOutcome.Done.class, done ->
                assertThat(((RegisteredAccount) done.value()).parent()).contains(MAIN));
        assertThat(registry.tokensOf(SUB)).containsExactly("sub-token");
        assertThat(audit.of(north, 10)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("twilio-account.registered");
            assertThat(entry.changes().toString()).doesNotContain("main-token", "sub-token");
        });
    }

    @Test
    void a_token_twilio_refuses_is_rejected_naming_the_field_and_nothing_is_stored() {
        assertThat(accounts.register(adminOf(north), north, MAIN.value(), "wrong")).isEqualTo(
                new AdminOutcome.Rejected<>("authToken", "Twilio refused this account SID and auth token (code 20003): "
                        + "Twilio refused the account SID and auth token (401)"));
        assertThat(registry.ownerOf(MAIN)).isEmpty();
        assertThat(audit.all(10)).isEmpty();
    }

    @Test
    void twilio_out_of_reach_changes_nothing_and_says_so() {
        twilio.unreachable();

        assertThat(accounts.register(adminOf(north), north, MAIN.value(), "main-token"))
                .isInstanceOf(AdminOutcome.Unavailable.class);
        assertThat(registry.ownerOf(MAIN)).isEmpty();
    }

    @Test
    void a_malformed_sid_or_empty_token_is_refused_before_twilio_is_asked() {
        assertThatThrownBy(() -> accounts.register(adminOf(north), north, "AC123", "t"))
                .hasMessageStartingWith("accountSid: account SID must be");
        assertThatThrownBy(() -> accounts.register(adminOf(north), north, MAIN.value(), " "))
                .hasMessageStartingWith("authToken: ");
        assertThat(twilio.asked()).isZero();
    }

    @Test
    void an_account_belongs_to_one_organization_only() {
        accounts.register(adminOf(north), north, MAIN.value(), "main-token");

        assertThat(accounts.register(adminOf(south), south, MAIN.value(), "main-token")).isEqualTo(
                new AdminOutcome.Conflict<>("accountSid", "account " + MAIN
                        + " belongs to another organization; an account belongs to one only"));
        assertThat(accounts.register(adminOf(north), north, MAIN.value(), "main-token"))
                .isInstanceOf(AdminOutcome.Conflict.class);
        assertThat(registry.ownerOf(MAIN)).contains(north);
    }

    @Test
    void another_organizations_key_cannot_register_rotate_or_list() {
        accounts.register(adminOf(north), north, MAIN.value(), "main-token");
        int asked = twilio.asked();

        assertThat(accounts.register(adminOf(south), north, SUB.value(), "sub-token"))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(accounts.startRotation(adminOf(south), north, MAIN.value(), "main-token"))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(accounts.finishRotation(adminOf(south), north, MAIN.value()))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(accounts.list(adminOf(south), north)).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(accounts.register(Actor.key(new ApiCaller(2, north, Set.of(ApiScope.READ))), north, SUB.value(),
                "sub-token")).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(twilio.asked()).isEqualTo(asked);
        assertThat(registry.list(north)).hasSize(1);
    }

    @Test
    void a_rotation_keeps_both_tokens_verifying_until_an_administrator_finishes_it() {
        accounts.register(adminOf(north), north, MAIN.value(), "main-token");
        twilio.account(MAIN, "new-token");

        assertThat(accounts.startRotation(adminOf(north), north, MAIN.value(), "not-the-new-one"))
                .isInstanceOf(AdminOutcome.Rejected.class);
        assertThat(accounts.startRotation(adminOf(north), north, MAIN.value(), "new-token"))
                .isInstanceOfSatisfying(AdminOutcome.Done.class, done ->
                        assertThat(((RegisteredAccount) done.value()).rotating()).isTrue());
        assertThat(registry.tokensOf(MAIN)).containsExactly("new-token", "main-token");

        assertThat(accounts.finishRotation(adminOf(north), north, MAIN.value())).isInstanceOf(AdminOutcome.Done.class);
        assertThat(registry.tokensOf(MAIN)).containsExactly("new-token");
        assertThat(accounts.finishRotation(adminOf(north), north, MAIN.value()))
                .as("no rotation under way").isInstanceOf(AdminOutcome.Conflict.class);
        assertThat(audit.of(north, 10)).extracting(entry -> entry.action()).containsExactly(
                "twilio-account.rotation-finished", "twilio-account.rotation-started", "twilio-account.registered");
    }

    @Test
    void members_list_their_accounts_without_tokens() {
        accounts.register(adminOf(north), north, MAIN.value(), "main-token");

        AdminOutcome<List<RegisteredAccount>> listed = accounts.list(
                Actor.key(new ApiCaller(3, north, Set.of(ApiScope.READ))), north);

        assertThat(listed).isInstanceOfSatisfying(AdminOutcome.Done.class, done ->
                assertThat(done.value().toString()).contains(MAIN.value()).doesNotContain("main-token"));
        assertThat(accounts.list(new Actor.Configuration("t"), OrganizationId.of(99)))
                .isEqualTo(new AdminOutcome.NotFound<>("organization 99"));
    }
}
