package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person who signs in to the dashboard: the password only as a hash, their role in each organization
 * they belong to, and whether they are a platform administrator (above every organization).
 */
public record OperatorAccount(String username, String passwordHash, Map<OrganizationId, OperatorRole> roles,
        boolean platform) {

    public OperatorAccount {
        roles = Map.copyOf(roles);
    }

    /** The same role in each of {@code organizations}, not a platform administrator. */
    public OperatorAccount(String username, String passwordHash, OperatorRole role, Set<OrganizationId> organizations) {
        this(username, passwordHash, organizations.stream().collect(Collectors.toMap(Function.identity(), id -> role)),
                false);
    }

    public Set<OrganizationId> organizations() {
        return roles.keySet();
    }

    public Optional<OperatorRole> roleIn(OrganizationId organization) {
        return Optional.ofNullable(roles.get(organization));
    }

    public Actor.Operator actor() {
        return new Actor.Operator(username, roles, platform);
    }

    @Override
    public String toString() {
        return "OperatorAccount[username=" + username + ", roles=" + roles + ", platform=" + platform + "]";
    }
}
