package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;

/** Asks Twilio whether an account SID and auth token belong together, before either is stored. */
public interface TwilioAccountCheck {

    CheckResult check(AccountSid sid, String authToken);

    /** What Twilio said about the account; its own copy of the token is never part of it. */
    sealed interface CheckResult {

        /** The token opens the account; {@code owner} is the parent for a subaccount, else the account itself. */
        record Verified(AccountSid sid, AccountSid owner, String friendlyName, String status) implements CheckResult {
            public boolean isSubaccount() {
                return !owner.equals(sid);
            }
        }

        /** Twilio refused the credentials (401, code 20003) or does not show this account to them (404). */
        record Refused(int twilioCode, String reason) implements CheckResult {
        }

        /** Twilio could not be asked (network, 5xx, 429): nothing can be said, try again later. */
        record Unreachable(String reason) implements CheckResult {
        }
    }
}
