package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Twilio accounts administrators register for organizations, tokens stored encrypted. An account
 * belongs to one organization only, whether registered here or configured for {@code default}.
 */
public interface TwilioAccountRegistry {

    /** The organization the account belongs to, whichever way it came. */
    Optional<OrganizationId> ownerOf(AccountSid sid);

    /** Stores the account; false if it belongs to an organization already (nothing is changed then). */
    boolean register(OrganizationId organization, AccountSid sid, String authToken, Optional<AccountSid> parent,
            String friendlyName, Instant at);

    /** The new token becomes the current one, the current one the previous: both verify callbacks. */
    boolean rotate(OrganizationId organization, AccountSid sid, String newToken);

    /** Forgets the previous token: only the current one verifies from now on. */
    boolean finishRotation(OrganizationId organization, AccountSid sid);

    List<RegisteredAccount> list(OrganizationId organization);
}
