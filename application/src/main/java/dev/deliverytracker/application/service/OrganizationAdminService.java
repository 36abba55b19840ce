package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.OrganizationSendLimits;
import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organizations created, renamed, disabled and enabled, each change written to the audit trail. */
public final class OrganizationAdminService implements ManageOrganizations {

    /** What the limits view shows beside the organization's own settings: the service-wide ones. */
    public record ServiceLimits(SendLimits sendBudgets, OrganizationLimits.Pacing pacing, Duration retention) {
    }

    private final OrganizationDirectory directory;
    private final AuditTrail audit;
    private final OrganizationSendLimits sendLimits;
    private final RetryPolicies retryPolicies;
    private final TwilioAccounts accounts;
    private final WindowEnforcements windows;
    private final ServiceLimits serviceLimits;
    private final Clock clock;

    public OrganizationAdminService(OrganizationDirectory directory, AuditTrail audit, OrganizationSendLimits sendLimits,
            RetryPolicies retryPolicies, TwilioAccounts accounts, WindowEnforcements windows,
            ServiceLimits serviceLimits, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.sendLimits = sendLimits;
        this.retryPolicies = retryPolicies;
        this.accounts = accounts;
        this.windows = windows;
        this.serviceLimits = serviceLimits;
        this.clock = clock;
    }

    @Override
    public synchronized AdminOutcome<Organization> create(Actor actor, String name) {
        Optional<AdminOutcome<Organization>> refused = AccessPolicy.platformOnly(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        String checked = Organization.requireName(name);
        if (directory.findByName(checked).isPresent()) {
            return new AdminOutcome.Conflict<>("name", "an organization named '" + checked + "' exists already");
        }
        Optional<Organization> stored = directory.create(checked, clock.instant());
        if (stored.isEmpty()) {
            return new AdminOutcome.Conflict<>("name", "an organization named '" + checked + "' exists already");
        }
        Organization created = stored.get();
        write(actor, created.id(), "organization.created", Map.of("name", created.name()));
        return AdminOutcome.done(created);
    }

    @Override
    public synchronized AdminOutcome<Organization> rename(Actor actor, OrganizationId organization, String name) {
        String checked = Organization.requireName(name);
        return change(actor, organization, Need.MANAGE, current -> {
            Optional<Organization> holder = directory.findByName(checked);
            if (holder.isPresent() && !holder.get().id().equals(organization)) {
                return new AdminOutcome.Conflict<>("name", "an organization named '" + checked + "' exists already");
            }
            Organization renamed = current.renamed(checked);
            directory.save(renamed);
            write(actor, organization, "organization.renamed", changes("name", current.name(), renamed.name()));
            return AdminOutcome.done(renamed);
        });
    }

    @Override
    public AdminOutcome<Organization> disable(Actor actor, OrganizationId organization) {
        return switchTo(actor, organization, false);
    }

    @Override
    public AdminOutcome<Organization> enable(Actor actor, OrganizationId organization) {
        return switchTo(actor, organization, true);
    }

    private AdminOutcome<Organization> switchTo(Actor actor, OrganizationId organization, boolean enabled) {
        Optional<Organization> current = directory.find(organization);
        Optional<AdminOutcome<Organization>> hidden = AccessPolicy.check(actor, organization, Need.READ,
                "organization " + organization);
        if (current.isEmpty() || hidden.isPresent()) {
            return hidden.orElse(new AdminOutcome.NotFound<>("organization " + organization));
        }
        Optional<AdminOutcome<Organization>> refused = AccessPolicy.platformOnly(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (current.get().enabled() == enabled) {
            return AdminOutcome.done(current.get());
        }
        Organization changed = enabled ? current.get().enabledAgain() : current.get().disabled();
        directory.save(changed);
        write(actor, organization, enabled ? "organization.enabled" : "organization.disabled",
                changes("enabled", Boolean.toString(!enabled), Boolean.toString(enabled)));
        return AdminOutcome.done(changed);
    }

    @Override
    public List<Organization> list(Actor actor) {
        return directory.list().stream()
                .filter(organization -> AccessPolicy.check(actor, organization.id(), Need.READ, "").isEmpty())
                .toList();
    }

    @Override
    public AdminOutcome<OrganizationLimits> find(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<OrganizationLimits>> refused = AccessPolicy.check(actor, organization, Need.READ,
                "organization " + organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        return directory.find(organization).<AdminOutcome<OrganizationLimits>>map(found -> AdminOutcome.done(
                limits(found, sendLimits.of(organization, serviceLimits.sendBudgets()), retryPolicies.of(organization).orElse(RetryPolicy.defaults()),
                        accounts.findByOrganization(organization).map(TwilioAccount::adoption),
                        windows.of(organization))))
                .orElse(new AdminOutcome.NotFound<>("organization " + organization));
    }

    private OrganizationLimits limits(Organization organization, SendLimits budgets, RetryPolicy retry,
            Optional<dev.deliverytracker.domain.AdoptionPolicy> adoption,
            dev.deliverytracker.application.port.WindowEnforcement window) {
        return new OrganizationLimits(organization, budgets.perApiKey(), budgets.perOrganization(),
                serviceLimits.pacing(), retry, adoption, window, serviceLimits.retention());
    }

    private AdminOutcome<Organization> change(Actor actor, OrganizationId organization, Need need,
            java.util.function.Function<Organization, AdminOutcome<Organization>> change) {
        Optional<AdminOutcome<Organization>> refused = AccessPolicy.check(actor, organization, need,
                "organization " + organization);
        if (refused.isPresent()) {
            return refused.get();
        }
        return directory.find(organization).map(change)
                .orElse(new AdminOutcome.NotFound<>("organization " + organization));
    }

    private void write(Actor actor, OrganizationId organization, String action, Map<String, String> changes) {
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(organization), action, changes));
    }

    private static Map<String, String> changes(String field, String before, String after) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(field + ".before", before);
        changes.put(field + ".after", after);
        return changes;
    }
}
