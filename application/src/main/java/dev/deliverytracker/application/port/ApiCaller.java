package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.util.EnumSet;
import java.util.Set;

/** Who is calling the API: one API key ({@code keyId}) of one organization, with what it may do there. */
public record ApiCaller(long keyId, OrganizationId organization, Set<ApiScope> scopes) {

    public ApiCaller {
        if (organization == null) {
            throw new IllegalArgumentException("an API caller belongs to an organization");
        }
        scopes = scopes == null || scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A key with every scope within its organization (send, read, manage), as keys had before scopes. */
    public ApiCaller(long keyId, OrganizationId organization) {
        this(keyId, organization, ApiScope.organizationDefault());
    }

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }
}
