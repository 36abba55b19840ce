package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;

/** The Twilio accounts (and subaccounts) the organizations send through. */
public interface TwilioAccounts {

    Optional<TwilioAccount> findBySid(AccountSid sid);

    Optional<TwilioAccount> findByOrganization(OrganizationId organization);
}
