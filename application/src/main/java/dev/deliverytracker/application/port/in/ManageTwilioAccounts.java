package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/**
 * The Twilio accounts (main accounts and subaccounts) an organization sends through. Registering
 * checks the SID and token with Twilio before anything is stored; a new token starts a rotation in
 * which the previous token still verifies callbacks, until an administrator finishes it.
 *
 * @throws IllegalArgumentException for a malformed SID ({@code accountSid: ...}) or an empty token
 *     ({@code authToken: ...})
 */
public interface ManageTwilioAccounts {

    AdminOutcome<RegisteredAccount> register(Actor actor, OrganizationId organization, String accountSid,
            String authToken);

    AdminOutcome<RegisteredAccount> startRotation(Actor actor, OrganizationId organization, String accountSid,
            String newAuthToken);

    AdminOutcome<RegisteredAccount> finishRotation(Actor actor, OrganizationId organization, String accountSid);

    AdminOutcome<List<RegisteredAccount>> list(Actor actor, OrganizationId organization);
}
