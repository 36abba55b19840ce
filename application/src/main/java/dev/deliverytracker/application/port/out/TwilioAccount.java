package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;

/**
 * The Twilio account an organization sends through. During a token rotation both the new and the
 * previous token sign genuine callbacks, so both are accepted for verification.
 */
public record TwilioAccount(OrganizationId organization, AccountSid sid, List<String> authTokens) {

    public TwilioAccount {
        if (organization == null || sid == null) {
            throw new IllegalArgumentException("a Twilio account needs its organization and account SID");
        }
        authTokens = List.copyOf(authTokens);
        if (authTokens.isEmpty() || authTokens.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Twilio account " + sid + " needs at least one non-empty auth token");
        }
    }

    @Override
    public String toString() {
        return "TwilioAccount[organization=" + organization + ", sid=" + sid + ", authTokens=" + authTokens.size()
                + " hidden]";
    }
}
