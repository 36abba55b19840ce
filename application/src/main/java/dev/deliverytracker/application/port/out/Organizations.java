package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;

/** The tenants, each sending through one Twilio account. */
public interface Organizations {

    /**
     * The organization that sends through {@code account}'s SID, created under {@code name} if none
     * does yet; its tokens are replaced by {@code account}'s, so a rotated token takes effect.
     */
    OrganizationId ensure(String name, TwilioAccountCredentials account);

    /** Sets where the organization's messages come from when a request names no sender. */
    void defaultSender(OrganizationId organization, Sender sender);

    /**
     * Sets what becomes of a callback, from one of the organization's accounts, for a message it did
     * not send through us; the change is seen by every instance within the account cache's lifetime.
     */
    void adoption(OrganizationId organization, AdoptionPolicy policy);
}
