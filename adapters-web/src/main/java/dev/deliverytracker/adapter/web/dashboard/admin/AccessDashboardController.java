package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssueApiKey;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import dev.deliverytracker.domain.ApiScope;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who reaches an organization, on its page: API keys (issued with scopes and an optional expiry, the
 * secret shown on the answer only; revoked at once) and operators (invited with a role, a first
 * password shown once; role changed, disabled, enabled, password reset).
 */
@Controller
class AccessDashboardController {

    private final ManageApiKeys apiKeys;
    private final ManageOrganizationOperators members;
    private final OrganizationPage page;

    AccessDashboardController(ManageApiKeys apiKeys, ManageOrganizationOperators members, OrganizationPage page) {
        this.apiKeys = apiKeys;
        this.members = members;
        this.page = page;
    }

    @PostMapping("/dashboard/organization/api-keys")
    public String issue(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) String expiresOn, Model model, HttpServletResponse response) {
        return page.answerOnce(signedIn, org, "key", model, response,
                actor -> apiKeys.issue(actor, new IssueApiKey(OrganizationPage.idOf(org), name, scopesOf(scopes),
                        expiryOf(expiresOn))),
                issued -> "Key '" + issued.name() + "' issued (" + issued.prefix() + "…). Copy it now: it is not "
                        + "shown again.",
                ManageApiKeys.IssuedApiKey::secret);
    }

    @PostMapping("/dashboard/organization/api-keys/revoke")
    public String revoke(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) Long keyId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "keys", model, response, redirect,
                actor -> apiKeys.revoke(actor, OrganizationPage.idOf(org), keyId == null ? -1 : keyId),
                revoked -> "Key " + revoked + " revoked: refused from now on, on every instance.");
    }

    @PostMapping("/dashboard/organization/operators")
    public String invite(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String username, @RequestParam(required = false) String role,
            Model model, HttpServletResponse response) {
        return page.answerOnce(signedIn, org, "operator", model, response,
                actor -> members.invite(actor, OrganizationPage.idOf(org), trimmed(username), role),
                invited -> "Operator '" + invited.username() + "' invited. Give them this first password now: it "
                        + "is not shown again.",
                ManageOrganizationOperators.Credentials::password);
    }

    @PostMapping("/dashboard/organization/operators/role")
    public String changeRole(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String username, @RequestParam(required = false) String role,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return page.answer(signedIn, org, "member-" + username, model, response, redirect,
                actor -> members.changeRole(actor, OrganizationPage.idOf(org), username, role),
                member -> "'" + member.username() + "' is now " + member.role().wireName() + " here.");
    }

    @PostMapping("/dashboard/organization/operators/disable")
    public String disable(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String username, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "member-" + username, model, response, redirect,
                actor -> members.disable(actor, OrganizationPage.idOf(org), username),
                member -> "'" + member.username() + "' is disabled: they cannot sign in.");
    }

    @PostMapping("/dashboard/organization/operators/enable")
    public String enable(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String username, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "member-" + username, model, response, redirect,
                actor -> members.enable(actor, OrganizationPage.idOf(org), username),
                member -> "'" + member.username() + "' may sign in again.");
    }

    @PostMapping("/dashboard/organization/operators/reset-password")
    public String resetPassword(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String username, Model model, HttpServletResponse response) {
        return page.answerOnce(signedIn, org, "member-" + username, model, response,
                actor -> members.resetPassword(actor, OrganizationPage.idOf(org), username),
                reset -> "New password for '" + reset.username() + "'. Give it to them now: it is not shown again.",
                ManageOrganizationOperators.Credentials::password);
    }

    private static Set<ApiScope> scopesOf(List<String> given) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (given != null) {
            given.forEach(scope -> scopes.add(ApiScope.parse(scope)));
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes: choose at least one of send, read, manage");
        }
        return scopes;
    }

    /** A day chosen in the form's date field: the key works until that day begins (UTC). */
    private static Optional<Instant> expiryOf(String day) {
        if (day == null || day.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day.trim()).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException malformed) {
            throw new IllegalArgumentException("expiresOn: a day written as 2027-01-31");
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
