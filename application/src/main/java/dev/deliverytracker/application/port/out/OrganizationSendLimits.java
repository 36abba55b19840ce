package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;

/** Send limits an operator set for one organization; what it did not set comes from {@code defaults}. */
public interface OrganizationSendLimits {

    SendLimits of(OrganizationId organization, SendLimits defaults);
}
