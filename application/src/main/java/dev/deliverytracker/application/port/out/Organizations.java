package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;

/** The tenants, each sending through one Twilio account. */
public interface Organizations {

    /**
     * The organization that sends through {@code account}'s SID, created under {@code name} if none
     * does yet; its tokens are replaced by {@code account}'s, so a rotated token takes effect.
     */
    OrganizationId ensure(String name, TwilioAccountCredentials account);
}
