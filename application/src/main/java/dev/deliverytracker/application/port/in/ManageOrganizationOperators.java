package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/**
 * The operators of an organization, for its administrators: invite one with a role (viewer, operator or
 * admin; a first password shown once), change that role, disable and enable, reset a password (a new one shown once), list. The last enabled
 * administrator of an organization is never disabled. An operator who also belongs to organizations
 * the actor does not administer is changed only by a platform administrator.
 *
 * @throws IllegalArgumentException for a malformed username or role, naming the field
 */
public interface ManageOrganizationOperators {

    record Member(String username, OperatorRole role, boolean disabled) {
    }

    /** A username and a password shown once. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password hidden]";
        }
    }

    AdminOutcome<Credentials> invite(Actor actor, OrganizationId organization, String username, String role);

    /**
     * The operator's role in this organization only (their roles elsewhere stay); the last enabled
     * administrator cannot be made anything less.
     */
    AdminOutcome<Member> changeRole(Actor actor, OrganizationId organization, String username, String role);

    AdminOutcome<Member> disable(Actor actor, OrganizationId organization, String username);

    AdminOutcome<Member> enable(Actor actor, OrganizationId organization, String username);

    AdminOutcome<Credentials> resetPassword(Actor actor, OrganizationId organization, String username);

    AdminOutcome<List<Member>> list(Actor actor, OrganizationId organization);

    /** Whether the operator was disabled: they cannot sign in (asked at every sign-in). */
    boolean isDisabled(String username);
}
