package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.FindAuditTrail;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One organization's administration page, filled from the use cases as the signed-in operator: each
 * section is there only when the use case lets this operator read it. Also the one way a form on it is
 * answered: done, back to the page with a notice; refused, the page again with the reason beside the
 * form and the status that says why.
 */
@Component
class OrganizationPage {

    static final String VIEW = "organization";
    /** The organizations file applies its changes as this actor ({@code Actor.Configuration("file")}). */
    private static final String FROM_FILE = "configuration:file";
    private static final int AUDIT_SHOWN = 100;

    private final ManageOperators operators;
    private final ManageOrganizations organizations;
    private final ManageTwilioAccounts accounts;
    private final ManageSenders senders;
    private final ManageApiKeys apiKeys;
    private final ManageOrganizationOperators members;
    private final FindAuditTrail audit;
    private final Clock clock;

    OrganizationPage(ManageOperators operators, ManageOrganizations organizations, ManageTwilioAccounts accounts,
            ManageSenders senders, ManageApiKeys apiKeys, ManageOrganizationOperators members, FindAuditTrail audit,
            Clock clock) {
        this.operators = operators;
        this.organizations = organizations;
        this.accounts = accounts;
        this.senders = senders;
        this.apiKeys = apiKeys;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in operator as the use cases judge them; roles are read again at every request. */
    Actor.Operator actor(Authentication signedIn) {
        return operators.actor(signedIn.getName()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "You are not an operator any more."));
    }

    /** An organization id from a form or link; anything else is an organization nobody can see. */
    static OrganizationId idOf(String org) {
        try {
            long value = Long.parseLong(org == null ? "" : org.trim());
            if (value > 0) {
                return OrganizationId.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such organization among yours.");
    }

    /** The navigation's part: the organizations to switch between, the one shown, who is signed in and as what. */
    void navigation(Actor.Operator actor, Optional<Organization> shown, String page, Model model) {
        List<OrganizationName> visible = operators.organizationsOf(actor.username());
        OrganizationName selected = shown.map(organization -> new OrganizationName(organization.id(),
                organization.name())).orElseGet(() -> visible.isEmpty() ? null : visible.get(0));
        if (selected == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "You belong to no organization yet; ask an admin to add you to one.");
        }
        OperatorRole role = actor.platform() ? OperatorRole.ADMIN : actor.roleIn(selected.id()).orElse(
                OperatorRole.VIEWER);
        model.addAttribute("page", page);
        model.addAttribute("organizations", visible);
        model.addAttribute("org", selected);
        model.addAttribute("username", actor.username());
        model.addAttribute("role", actor.platform() ? "platform admin" : role.wireName());
        model.addAttribute("admin", role.includes(OperatorRole.OPERATOR));
        model.addAttribute("platform", actor.platform());
    }

    String show(Actor.Operator actor, OrganizationId id, Model model) {
        AdminOutcome<OrganizationLimits> found = organizations.find(actor, id);
        if (!(found instanceof AdminOutcome.Done<OrganizationLimits> done)) {
            FormAnswer.of(found);
            throw new IllegalStateException("unreachable: a refusal to read leaves the page");
        }
        OrganizationLimits limits = done.value();
        navigation(actor, Optional.of(limits.organization()), "organization", model);
        model.addAttribute("organization", limits.organization());
        model.addAttribute("limits", AdminPageRows.LimitsRow.of(limits));
        model.addAttribute("manage", actor.isPlatformAdministrator()
                || actor.roleIn(id).map(role -> role.includes(OperatorRole.ADMIN)).orElse(false));
        model.addAttribute("accounts", readable(accounts.list(actor, id)).map(list -> list.stream()
                .map(AdminPageRows.AccountRow::of).toList()).orElse(null));
        model.addAttribute("senders", readable(senders.list(actor, id)).map(list -> list.stream()
                .map(AdminPageRows.SenderRow::of).toList()).orElse(null));
        model.addAttribute("keys", readable(apiKeys.list(actor, id)).map(list -> list.stream()
                .map(key -> AdminPageRows.KeyRow.of(key, clock.instant())).toList()).orElse(null));
        model.addAttribute("members", readable(members.list(actor, id)).orElse(null));
        Optional<List<AuditEntry>> trail = readable(audit.find(actor, Optional.of(id), 1000));
        model.addAttribute("audit", trail.map(entries -> entries.stream().limit(AUDIT_SHOWN)
                .map(AdminPageRows.AuditRow::of).toList()).orElse(null));
        model.addAttribute("fromFile", trail.map(entries -> entries.stream()
                .filter(entry -> entry.actor().equals(FROM_FILE)).map(AdminPageRows.AuditRow::of).toList())
                .orElse(null));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return VIEW;
    }

    /**
     * Runs a form's action as the signed-in operator. {@code form} names the form, so the reason of a
     * refusal is shown beside it; {@code notice} says what was done.
     */
    <T> String answer(Authentication signedIn, String org, String form, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Function<Actor, AdminOutcome<T>> action, Function<T, String> notice) {
        Actor.Operator actor = actor(signedIn);
        OrganizationId id = idOf(org);
        Optional<T> done = run(actor, id, form, model, response, action);
        if (done.isEmpty()) {
            return show(actor, id, model);
        }
        redirect.addFlashAttribute("notice", notice.apply(done.get()));
        return "redirect:/dashboard/organization?org=" + id;
    }

    /**
     * The same for an action whose answer holds a secret (an API key, a password): shown on this answer
     * only, never kept in the session or put in a URL.
     */
    <T> String answerOnce(Authentication signedIn, String org, String form, Model model, HttpServletResponse response,
            Function<Actor, AdminOutcome<T>> action, Function<T, String> notice, Function<T, String> secret) {
        Actor.Operator actor = actor(signedIn);
        OrganizationId id = idOf(org);
        Optional<T> done = run(actor, id, form, model, response, action);
        done.ifPresent(value -> {
            model.addAttribute("notice", notice.apply(value));
            model.addAttribute("secret", secret.apply(value));
            response.setHeader("Cache-Control", "no-store");
        });
        return show(actor, id, model);
    }

    private static <T> Optional<T> run(Actor actor, OrganizationId id, String form, Model model,
            HttpServletResponse response, Function<Actor, AdminOutcome<T>> action) {
        FormAnswer refused;
        try {
            AdminOutcome<T> outcome = action.apply(actor);
            if (outcome instanceof AdminOutcome.Done<T> done) {
                return Optional.of(done.value());
            }
            refused = FormAnswer.of(outcome);
        } catch (IllegalArgumentException malformed) {
            refused = FormAnswer.malformed(malformed);
        }
        response.setStatus(refused.status().value());
        model.addAttribute("problems", Map.of(form, refused.text()));
        return Optional.empty();
    }

    /** A list the operator may read; empty when their role does not reach it (the page leaves the section out). */
    private static <T> Optional<T> readable(AdminOutcome<T> outcome) {
        return outcome instanceof AdminOutcome.Done<T> done ? Optional.of(done.value()) : Optional.empty();
    }
}
