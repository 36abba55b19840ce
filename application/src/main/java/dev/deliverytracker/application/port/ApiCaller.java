package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OrganizationId;

/** Who is calling the API: one API key ({@code keyId}) of one organization. */
public record ApiCaller(long keyId, OrganizationId organization) {

    public ApiCaller {
        if (organization == null) {
            throw new IllegalArgumentException("an API caller belongs to an organization");
        }
    }
}
