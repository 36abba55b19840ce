package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The people who sign in to the dashboard, and the organizations each of them may see. */
public interface OperatorAccounts {

    Optional<OperatorAccount> find(String username);

    /** True once anyone at all can sign in. */
    boolean any();

    /** Creates the operator, or replaces their password hash, role and organizations. */
    void save(OperatorAccount account);

    /** The organizations with these names; names no organization has are missing from the answer. */
    List<OrganizationName> organizationsNamed(Set<String> names);

    /** The organizations the operator belongs to, by name. */
    List<OrganizationName> organizationsOf(String username);

}
