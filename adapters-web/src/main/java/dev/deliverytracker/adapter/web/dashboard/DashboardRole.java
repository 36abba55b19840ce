package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the signed-in operator may do in one organization, read at each request so a role changed or
 * taken away holds at once. A platform administrator acts as an admin of every organization.
 */
final class DashboardRole {

    private DashboardRole() {
    }

    static OperatorRole of(ManageOperators operators, Authentication operator, OrganizationId organization) {
        return operators.actor(operator.getName())
                .flatMap(actor -> actor.platform() ? Optional.of(OperatorRole.ADMIN) : actor.roleIn(organization))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No organization " + organization + " among yours."));
    }

    /** The signed-in operator as the use cases see them: their roles read now, so a change holds at once. */
    static Actor.Operator actor(ManageOperators operators, Authentication operator) {
        return operators.actor(operator.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                "You belong to no organization yet; ask an admin to add you to one."));
    }

    /** For the navigation: the role's name, and {@code admin} when they may act on the organization's messages. */
    static void show(ManageOperators operators, Authentication operator, OrganizationId organization, Model model) {
        OperatorRole role = of(operators, operator, organization);
        model.addAttribute("role", role.wireName());
        model.addAttribute("admin", role.includes(OperatorRole.OPERATOR));
    }
}
