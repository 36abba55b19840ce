package dev.deliverytracker.bootstrap;

import dev.deliverytracker.domain.OrganizationId;

/** The organization this instance creates for its own Twilio account at start: the first key's and first admin's. */
record DefaultOrganization(OrganizationId id) {
}
