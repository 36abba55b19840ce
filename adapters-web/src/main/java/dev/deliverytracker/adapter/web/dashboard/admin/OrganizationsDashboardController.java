package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.domain.Organization;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizations an operator sees, and one organization's page: created, renamed, disabled and
 * enabled here through the same use case as the API. Creating, disabling and enabling are a platform
 * administrator's; renaming an organization's administrators'.
 */
@Controller
class OrganizationsDashboardController {

    private final ManageOrganizations organizations;
    private final OrganizationPage page;

    OrganizationsDashboardController(ManageOrganizations organizations, OrganizationPage page) {
        this.organizations = organizations;
        this.page = page;
    }

    @GetMapping("/dashboard/organizations")
    public String list(Authentication signedIn, Model model) {
        Actor.Operator actor = page.actor(signedIn);
        page.navigation(actor, Optional.empty(), "organizations", model);
        model.addAttribute("rows", organizations.list(actor));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "organizations";
    }

    @PostMapping("/dashboard/organizations")
    public String create(Authentication signedIn, @RequestParam(required = false) String name, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor.Operator actor = page.actor(signedIn);
        AdminOutcome<Organization> outcome;
        try {
            outcome = organizations.create(actor, name);
        } catch (IllegalArgumentException malformed) {
            return refused(signedIn, FormAnswer.malformed(malformed), model, response);
        }
        if (outcome instanceof AdminOutcome.Done<Organization> done) {
            redirect.addFlashAttribute("notice", "Organization '" + done.value().name() + "' created.");
            return "redirect:/dashboard/organization?org=" + done.value().id();
        }
        return refused(signedIn, FormAnswer.of(outcome), model, response);
    }

    private String refused(Authentication signedIn, FormAnswer answer, Model model, HttpServletResponse response) {
        response.setStatus(answer.status().value());
        model.addAttribute("problems", Map.of("create", answer.text()));
        return list(signedIn, model);
    }

    @GetMapping("/dashboard/organization")
    public String show(Authentication signedIn, @RequestParam(required = false) String org, Model model) {
        return page.show(page.actor(signedIn), OrganizationPage.idOf(org), model);
    }

    @PostMapping("/dashboard/organization/rename")
    public String rename(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String name, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "rename", model, response, redirect,
                actor -> organizations.rename(actor, OrganizationPage.idOf(org), name),
                renamed -> "Renamed to '" + renamed.name() + "'.");
    }

    @PostMapping("/dashboard/organization/disable")
    public String disable(Authentication signedIn, @RequestParam(required = false) String org, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return page.answer(signedIn, org, "enabled", model, response, redirect,
                actor -> organizations.disable(actor, OrganizationPage.idOf(org)),
                disabled -> "Disabled: its sends are refused from now on; its callbacks are still recorded.");
    }

    @PostMapping("/dashboard/organization/enable")
    public String enable(Authentication signedIn, @RequestParam(required = false) String org, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return page.answer(signedIn, org, "enabled", model, response, redirect,
                actor -> organizations.enable(actor, OrganizationPage.idOf(org)),
                enabled -> "Enabled: it sends again.");
    }
}
