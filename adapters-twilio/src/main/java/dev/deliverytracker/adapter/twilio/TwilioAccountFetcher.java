package dev.deliverytracker.adapter.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.TwilioError;
import java.net.URI;

/**
 * Checks an account SID and auth token by fetching the account with them through twilio-java (Twilio's
 * Accounts resource), with a client used once and dropped. Twilio's answer carries the account's auth
 * token too; only the SIDs, name and status are read from it.
 */
public final class TwilioAccountFetcher implements TwilioAccountCheck {

    private final URI apiBaseUrl;

    /** {@code apiBaseUrl} null: Twilio itself. */
    public TwilioAccountFetcher(URI apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    @Override
    public CheckResult check(AccountSid sid, String authToken) {
        if (authToken == null || authToken.isBlank()) {
            return new CheckResult.Refused(TwilioError.PERMISSION_DENIED.code(), "no auth token given");
        }
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(sid.value(), authToken);
        if (apiBaseUrl != null) {
            builder.httpClient(new BaseUrlOverridingHttpClient(apiBaseUrl));
        }
        try {
            Account account = Account.fetcher(sid.value()).fetch(builder.build());
            AccountSid owner = account.getOwnerAccountSid() == null ? sid : AccountSid.of(account.getOwnerAccountSid());
            return new CheckResult.Verified(sid, owner, account.getFriendlyName(),
                    account.getStatus() == null ? "unknown" : account.getStatus().toString());
        } catch (ApiException refused) {
            int status = refused.getStatusCode() == null ? 0 : refused.getStatusCode();
            if (status == 401 || status == 403 || status == 404) {
                return new CheckResult.Refused(refused.getCode() == null ? TwilioError.PERMISSION_DENIED.code() : refused.getCode(),
                        status == 404 ? "Twilio shows no such account to these credentials"
                                : "Twilio refused the account SID and auth token (" + status + ")");
            }
            return new CheckResult.Unreachable("Twilio answered " + status);
        } catch (ApiConnectionException unreachable) {
            return new CheckResult.Unreachable("Twilio could not be reached: " + unreachable.getMessage());
        }
    }
}
