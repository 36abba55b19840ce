package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.util.List;

/**
 * The Twilio account an organization sends through. During a token rotation both the new and the
 * previous token sign genuine callbacks, so both are accepted for verification.
 */
public record TwilioAccount(OrganizationId organization, AccountSid sid, List<String> authTokens,
        Sender defaultSender, AdoptionPolicy adoption) {

    public TwilioAccount {
        if (organization == null || sid == null || defaultSender == null || adoption == null) {
            throw new IllegalArgumentException("a Twilio account needs its organization, account SID and default "
                    + "sender (Sender.organizationDefault() when it has none)");
        }
        authTokens = List.copyOf(authTokens);
        if (authTokens.isEmpty() || authTokens.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Twilio account " + sid + " needs at least one non-empty auth token");
        }
    }

    /** An account whose organization adopts the messages other applications send on it (the default). */
    public TwilioAccount(OrganizationId organization, AccountSid sid, List<String> authTokens, Sender defaultSender) {
        this(organization, sid, authTokens, defaultSender, AdoptionPolicy.ADOPT);
    }

    public TwilioAccount(OrganizationId organization, AccountSid sid, List<String> authTokens) {
        this(organization, sid, authTokens, Sender.organizationDefault());
    }

    /** The current auth token, the one to send with. */
    public String currentAuthToken() {
        return authTokens.get(0);
    }

    @Override
    public String toString() {
        return "TwilioAccount[organization=" + organization + ", sid=" + sid + ", authTokens=" + authTokens.size()
                + " hidden]";
    }
}
