package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.adapter.web.api.ApiKeyFilter;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's Twilio accounts: registered once Twilio accepts the SID and token (422 naming
 * {@code authToken} when it does not), rotated, listed. No answer ever carries a token.
 */
@RestController
class TwilioAccountApiController {

    private final ManageTwilioAccounts accounts;

    TwilioAccountApiController(ManageTwilioAccounts accounts) {
        this.accounts = accounts;
    }

    public record AccountRequest(String accountSid, String authToken) {
        @Override
        public String toString() {
            return "AccountRequest[accountSid=" + accountSid + ", authToken hidden]";
        }
    }

    public record TokenRequest(String authToken) {
        @Override
        public String toString() {
            return "TokenRequest[authToken hidden]";
        }
    }

    public record AccountResponse(String accountSid, String organizationId, String parentAccountSid,
            String friendlyName, boolean rotating, boolean fromSettings, Instant registeredAt) {
        static AccountResponse of(RegisteredAccount account) {
            return new AccountResponse(account.sid().value(), account.organization().toString(),
                    account.parent().map(Object::toString).orElse(null), account.friendlyName(), account.rotating(),
                    account.configured(), account.registeredAt());
        }
    }

    @GetMapping("/api/v1/organizations/{id}/twilio-accounts")
    public List<AccountResponse> list(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id) {
        return AdminProblem.valueOf(accounts.list(Actor.key(caller), OrganizationApiController.idOf(id))).stream()
                .map(AccountResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{id}/twilio-accounts")
    public ResponseEntity<AccountResponse> register(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) AccountRequest body) {
        RegisteredAccount registered = AdminProblem.valueOf(accounts.register(Actor.key(caller),
                OrganizationApiController.idOf(id), body == null ? null : body.accountSid(),
                body == null ? null : body.authToken()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/twilio-accounts/"
                + registered.sid())).body(AccountResponse.of(registered));
    }

    /** Starts a rotation: the new token sends and verifies, the previous one still verifies callbacks. */
    @PostMapping("/api/v1/organizations/{id}/twilio-accounts/{sid}/rotation")
    public AccountResponse startRotation(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @PathVariable String sid, @RequestBody(required = false) TokenRequest body) {
        return AccountResponse.of(AdminProblem.valueOf(accounts.startRotation(Actor.key(caller),
                OrganizationApiController.idOf(id), sid, body == null ? null : body.authToken())));
    }

    /** Finishes a rotation: the previous token no longer verifies. */
    @DeleteMapping("/api/v1/organizations/{id}/twilio-accounts/{sid}/rotation")
    public AccountResponse finishRotation(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @PathVariable String sid) {
        return AccountResponse.of(AdminProblem.valueOf(accounts.finishRotation(Actor.key(caller),
                OrganizationApiController.idOf(id), sid)));
    }
}
