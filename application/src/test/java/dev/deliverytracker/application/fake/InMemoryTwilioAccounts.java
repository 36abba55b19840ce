package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTwilioAccounts implements TwilioAccounts {

    private final Map<AccountSid, TwilioAccount> accounts = new ConcurrentHashMap<>();

    public InMemoryTwilioAccounts with(TwilioAccount account) {
        accounts.put(account.sid(), account);
        return this;
    }

    @Override
    public Optional<TwilioAccount> findBySid(AccountSid sid) {
        return Optional.ofNullable(accounts.get(sid));
    }
}
