package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.AccessRefused;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/**
 * Who may do what in an organization, decided in the application for every use case. An actor who is
 * not a member of the organization is told it does not exist (not found), so one tenant never learns of
 * another; a member without the right role or scope is told what it lacks (forbidden).
 */
public final class AccessPolicy {

    /** What a request needs in its organization. */
    public enum Need {
        /** See the organization and its data: any member (an API key with scope {@code read}). */
        READ(ApiScope.READ, OperatorRole.VIEWER),
        /** Send messages: an administrator or operator (an API key with scope {@code send}). */
        SEND(ApiScope.SEND, OperatorRole.OPERATOR),
        /** Change the organization's settings, keys and people: an administrator (scope {@code manage}). */
        MANAGE(ApiScope.MANAGE, OperatorRole.ADMIN);

        private final ApiScope scope;
        private final OperatorRole role;

        Need(ApiScope scope, OperatorRole role) {
            this.scope = scope;
            this.role = role;
        }
    }

    private AccessPolicy() {
    }

    /** Empty when {@code actor} may; otherwise the refusal to answer, as not found or forbidden. */
    public static <T> Optional<AdminOutcome<T>> check(Actor actor, OrganizationId organization, Need need,
            String what) {
        if (actor.isPlatformAdministrator()) {
            return Optional.empty();
        }
        if (actor instanceof Actor.Key key) {
            if (!key.caller().organization().equals(organization)) {
                return Optional.of(new AdminOutcome.NotFound<>(what));
            }
            return key.caller().may(need.scope) ? Optional.empty()
                    : Optional.of(new AdminOutcome.Forbidden<>("an API key with scope '" + need.scope.wireName() + "'"));
        }
        if (actor instanceof Actor.Operator operator) {
            Optional<OperatorRole> role = operator.roleIn(organization);
            if (role.isEmpty()) {
                return Optional.of(new AdminOutcome.NotFound<>(what));
            }
            return role.get().includes(need.role) ? Optional.empty()
                    : Optional.of(new AdminOutcome.Forbidden<>("the role '" + need.role.wireName()
                            + "' in this organization"));
        }
        return Optional.of(new AdminOutcome.NotFound<>(what));
    }

    /**
     * For the use cases that answer their own types rather than an {@link AdminOutcome}: returns when
     * {@code actor} may, throws {@link AccessRefused} (not found or forbidden, as {@link #check}) otherwise.
     */
    public static void require(Actor actor, OrganizationId organization, Need need, String what) {
        Optional<AdminOutcome<Void>> refusal = check(actor, organization, need, what);
        if (refusal.isPresent()) {
            throw new AccessRefused(refusal.get());
        }
    }

    /** Empty for a platform administrator; otherwise forbidden (the thing is platform-wide, not hidden). */
    public static <T> Optional<AdminOutcome<T>> platformOnly(Actor actor) {
        return actor.isPlatformAdministrator() ? Optional.empty()
                : Optional.of(new AdminOutcome.Forbidden<>("a platform administrator (an API key with scope "
                        + "'platform' or an operator with the platform role)"));
    }
}
