package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Map;
import java.util.Optional;

/**
 * Who asks an administrative use case for something: an API key, an operator signed in to the
 * dashboard, or the configuration applied at start. Every use case decides from this alone what the
 * actor may see and change ({@code AccessPolicy}); the URL it came through proves nothing.
 */
public sealed interface Actor {

    /** How the actor appears in the audit trail: never a secret. */
    String describe();

    record Key(ApiCaller caller) implements Actor {
        public Key {
            if (caller == null) {
                throw new IllegalArgumentException("an API key actor needs its caller");
            }
        }

        @Override
        public String describe() {
            return "api-key:" + caller.keyId();
        }
    }

    /** An operator with one role in each organization they belong to; a platform administrator reaches all. */
    record Operator(String username, Map<OrganizationId, OperatorRole> roles, boolean platform) implements Actor {
        public Operator {
            if (username == null || roles == null) {
                throw new IllegalArgumentException("an operator actor needs a username and their roles");
            }
            roles = Map.copyOf(roles);
        }

        public Optional<OperatorRole> roleIn(OrganizationId organization) {
            return Optional.ofNullable(roles.get(organization));
        }

        @Override
        public String describe() {
            return "operator:" + username;
        }
    }

    /** The file or settings applied at start (configuration as code): above organizations. */
    record Configuration(String source) implements Actor {
        @Override
        public String describe() {
            return "configuration:" + source;
        }
    }

    static Actor key(ApiCaller caller) {
        return new Key(caller);
    }

    /** Whether this actor holds the platform administrator's rights. */
    default boolean isPlatformAdministrator() {
        if (this instanceof Key key) {
            return key.caller().may(ApiScope.PLATFORM);
        }
        if (this instanceof Operator operator) {
            return operator.platform();
        }
        return this instanceof Configuration;
    }
}
