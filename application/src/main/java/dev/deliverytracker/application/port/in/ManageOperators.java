package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who may sign in to the dashboard, with which role, seeing which organizations. */
public interface ManageOperators {

    /**
     * Creates or updates an operator from configuration. {@code password} is the password itself, or
     * an already encoded hash written as {@code {bcrypt}...} (or any other {@code {id}} prefix).
     *
     * @throws IllegalArgumentException naming what is wrong: a blank name, a short password, an
     *     unknown organization
     */
    void define(String username, String password, OperatorRole role, Set<String> organizationNames, boolean platform);

    /** The same, for someone who is not a platform administrator. */
    default void define(String username, String password, OperatorRole role, Set<String> organizationNames) {
        define(username, password, role, organizationNames, false);
    }

    /**
     * At the first start nobody can sign in: creates the admin {@code username} in {@code organization},
     * a platform administrator (the one person who can create the others), with {@code password}, or with
     * a generated one that is returned (to be shown once).
     */
    Optional<String> ensureFirstAdmin(String username, Optional<String> password, OrganizationId organization);

    Optional<OperatorAccount> find(String username);

    /** The organizations the operator may see, by name: every one for a platform administrator. */
    List<OrganizationName> organizationsOf(String username);

    /** The operator as the administrative use cases judge them (their roles), when there is one. */
    Optional<Actor.Operator> actor(String username);
}
