package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.domain.AccountSid;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Twilio's Accounts resource as a test scripts it: the tokens that open which account, and its parent. */
public final class ScriptedAccountCheck implements TwilioAccountCheck {

    private final Map<AccountSid, String> tokens = new HashMap<>();
    private final Map<AccountSid, AccountSid> parents = new HashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean reachable = true;

    public ScriptedAccountCheck account(AccountSid sid, String token) {
        tokens.put(sid, token);
        return this;
    }

    public ScriptedAccountCheck subaccount(AccountSid parent, AccountSid sid, String token) {
        parents.put(sid, parent);
        return account(sid, token);
    }

    public void unreachable() {
        reachable = false;
    }

    public int asked() {
        return asked.get();
    }

    @Override
    public synchronized CheckResult check(AccountSid sid, String authToken) {
        // As twilio-java's check: no token is refused before Twilio is asked.
        if (authToken == null || authToken.isBlank()) {
            return new CheckResult.Refused(20003, "no auth token given");
        }
        asked.incrementAndGet();
        if (!reachable) {
            return new CheckResult.Unreachable("connection refused");
        }
        if (!authToken.equals(tokens.get(sid))) {
            return new CheckResult.Refused(20003, "Twilio refused the account SID and auth token (401)");
        }
        return new CheckResult.Verified(sid, parents.getOrDefault(sid, sid), "account " + sid, "active");
    }
}
