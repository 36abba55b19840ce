package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.OrganizationName;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organizations a signed-in operator belongs to and the one a page shows. Asking for another
 * organization is answered like asking for one that does not exist: its existence is not theirs to see.
 */
record DashboardScope(List<OrganizationName> organizations, OrganizationName selected) {

    static DashboardScope of(List<OrganizationName> memberships, String requested) {
        if (memberships.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "You belong to no organization yet; ask an admin to add you to one.");
        }
        if (requested == null || requested.isBlank()) {
            return new DashboardScope(memberships, memberships.get(0));
        }
        return memberships.stream().filter(organization -> organization.id().toString().equals(requested.trim()))
                .findFirst().map(found -> new DashboardScope(memberships, found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No organization " + printable(requested) + " among yours."));
    }

    private static String printable(String value) {
        String cut = value.length() > 20 ? value.substring(0, 20) + "..." : value;
        return cut.replaceAll("[^A-Za-z0-9 ._-]", "?");
    }
}
