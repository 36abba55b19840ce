package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.application.port.out.TwilioAccountCheck.CheckResult;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Twilio accounts registered, rotated and listed by an organization's administrators, each change audited. */
public final class TwilioAccountAdminService implements ManageTwilioAccounts {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final TwilioAccountRegistry registry;
    private final TwilioAccountCheck twilio;
    private final OrganizationDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    public TwilioAccountAdminService(TwilioAccountRegistry registry, TwilioAccountCheck twilio,
            OrganizationDirectory directory, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.twilio = twilio;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public AdminOutcome<RegisteredAccount> register(Actor actor, OrganizationId organization, String accountSid,
            String authToken) {
        AccountSid sid = sidOf(accountSid);
        requireToken(authToken);
        Optional<AdminOutcome<RegisteredAccount>> refused = allowed(actor, organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<OrganizationId> owner = registry.ownerOf(sid);
        if (owner.isPresent()) {
            return new AdminOutcome.Conflict<>("accountSid", owner.get().equals(organization)
                    ? "account " + sid + " is registered for this organization already"
                    : "account " + sid + " belongs to another organization; an account belongs to one only");
        }
        CheckResult checked = twilio.check(sid, authToken);
        if (!(checked instanceof CheckResult.Verified verified)) {
            return notVerified(checked);
        }
        Optional<AccountSid> parent = verified.isSubaccount() ? Optional.of(verified.owner()) : Optional.empty();
        if (!registry.register(organization, sid, authToken, parent, verified.friendlyName(), clock.instant())) {
            return new AdminOutcome.Conflict<>("accountSid", "account " + sid + " was registered meanwhile");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("accountSid", sid.value());
        parent.ifPresent(main -> changes.put("parentAccountSid", main.value()));
        changes.put("authToken", "(set)");
        write(actor, organization, "twilio-account.registered", changes);
        return found(organization, sid);
    }

    @Override
    public AdminOutcome<RegisteredAccount> startRotation(Actor actor, OrganizationId organization, String accountSid,
            String newAuthToken) {
        AccountSid sid = sidOf(accountSid);
        requireToken(newAuthToken);
        Optional<AdminOutcome<RegisteredAccount>> refused = allowed(actor, organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<RegisteredAccount> account = registered(organization, sid);
        if (account.isEmpty()) {
            return new AdminOutcome.NotFound<>("Twilio account " + sid);
        }
        if (account.get().configured()) {
            return new AdminOutcome.Conflict<>("accountSid", "the tokens of account " + sid + " come from the "
                    + "settings (TWILIO_AUTH_TOKEN, TWILIO_PREVIOUS_AUTH_TOKEN): rotate them there");
        }
        CheckResult checked = twilio.check(sid, newAuthToken);
        if (!(checked instanceof CheckResult.Verified)) {
            return notVerified(checked);
        }
        registry.rotate(organization, sid, newAuthToken);
        write(actor, organization, "twilio-account.rotation-started",
                Map.of("accountSid", sid.value(), "authToken", "(changed; the previous one still verifies)"));
        return found(organization, sid);
    }

    @Override
    public AdminOutcome<RegisteredAccount> finishRotation(Actor actor, OrganizationId organization,
            String accountSid) {
        AccountSid sid = sidOf(accountSid);
        Optional<AdminOutcome<RegisteredAccount>> refused = allowed(actor, organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<RegisteredAccount> account = registered(organization, sid);
        if (account.isEmpty() || account.get().configured()) {
            return account.isEmpty() ? new AdminOutcome.NotFound<>("Twilio account " + sid)
                    : new AdminOutcome.Conflict<>("accountSid", "the tokens of account " + sid
                            + " come from the settings: remove TWILIO_PREVIOUS_AUTH_TOKEN there");
        }
        if (!account.get().rotating()) {
            return new AdminOutcome.Conflict<>("accountSid", "account " + sid + " has no rotation under way");
        }
        registry.finishRotation(organization, sid);
        write(actor, organization, "twilio-account.rotation-finished",
                Map.of("accountSid", sid.value(), "authToken", "(previous one dropped)"));
        return found(organization, sid);
    }

    @Override
    public AdminOutcome<List<RegisteredAccount>> list(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<List<RegisteredAccount>>> refused = AccessPolicy.check(actor, organization, Need.READ,
                "organization " + organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (directory.find(organization).isEmpty()) {
            return new AdminOutcome.NotFound<>("organization " + organization);
        }
        return AdminOutcome.done(registry.list(organization));
    }

    private <T> Optional<AdminOutcome<T>> allowed(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<T>> refused = AccessPolicy.check(actor, organization, Need.MANAGE,
                "organization " + organization);
        if (refused.isEmpty() && directory.find(organization).isEmpty()) {
            return Optional.of(new AdminOutcome.NotFound<>("organization " + organization));
        }
        return refused;
    }

    private Optional<RegisteredAccount> registered(OrganizationId organization, AccountSid sid) {
        return registry.list(organization).stream().filter(account -> account.sid().equals(sid)).findFirst();
    }

    private AdminOutcome<RegisteredAccount> found(OrganizationId organization, AccountSid sid) {
        return registered(organization, sid).<AdminOutcome<RegisteredAccount>>map(AdminOutcome::done)
                .orElse(new AdminOutcome.NotFound<>("Twilio account " + sid));
    }

    private static <T> AdminOutcome<T> notVerified(CheckResult checked) {
        if (checked instanceof CheckResult.Refused refused) {
            return new AdminOutcome.Rejected<>("authToken", "Twilio refused this account SID and auth token (code "
                    + refused.twilioCode() + "): " + refused.reason());
        }
        return new AdminOutcome.Unavailable<>("Twilio could not be asked about the account: "
                + ((CheckResult.Unreachable) checked).reason());
    }

    private void write(Actor actor, OrganizationId organization, String action, Map<String, String> changes) {
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(organization), action, changes));
    }

    private static AccountSid sidOf(String accountSid) {
        try {
            return AccountSid.of(accountSid == null ? null : accountSid.trim());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("accountSid: " + malformed.getMessage());
        }
    }

    private static void requireToken(String authToken) {
        if (authToken == null || authToken.isBlank() || authToken.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("authToken: the account's auth token is required (1 to "
                    + MAX_TOKEN_LENGTH + " characters)");
        }
    }
}
