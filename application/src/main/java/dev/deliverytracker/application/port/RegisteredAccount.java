package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * A Twilio account an organization sends through, as administrators see it: never its tokens.
 * {@code parent} is the main account of a subaccount; {@code rotating} while the previous token still
 * verifies callbacks; {@code configured} for the account of {@code default} that comes from settings.
 */
public record RegisteredAccount(AccountSid sid, OrganizationId organization, Optional<AccountSid> parent,
        String friendlyName, boolean rotating, boolean configured, Instant registeredAt) {
}
