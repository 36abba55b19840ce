package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.OrganizationId;

/** An organization as people know it: its id and its name. */
public record OrganizationName(OrganizationId id, String name) {
}
