package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Set;

/** A person who signs in to the dashboard: the password only as a hash, the role, the organizations they see. */
public record OperatorAccount(String username, String passwordHash, OperatorRole role, Set<OrganizationId> organizations) {

    public OperatorAccount {
        organizations = Set.copyOf(organizations);
    }

    @Override
    public String toString() {
        return "OperatorAccount[username=" + username + ", role=" + role + ", organizations=" + organizations + "]";
    }
}
