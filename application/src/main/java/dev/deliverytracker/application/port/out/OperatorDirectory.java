package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The operators of an organization, and which operators are disabled (they cannot sign in). */
public interface OperatorDirectory {

    /** The operators who belong to the organization, by username. */
    List<OperatorAccount> members(OrganizationId organization);

    /** The usernames among these that are disabled. */
    Set<String> disabled(Set<String> usernames);

    boolean isDisabled(String username);

    /** Disables ({@code disabled}) or enables the operator; false when there is no such operator. */
    boolean setDisabled(String username, boolean disabled, Instant at);
}
