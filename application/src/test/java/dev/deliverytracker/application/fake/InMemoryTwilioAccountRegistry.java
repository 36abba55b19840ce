package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registered accounts with their tokens in a map, for use-case tests; {@link #tokensOf} shows what verifies. */
public final class InMemoryTwilioAccountRegistry implements TwilioAccountRegistry {

    private record Entry(RegisteredAccount account, String token, String previous) {
    }

    private final Map<AccountSid, Entry> accounts = new LinkedHashMap<>();

    @Override
    public synchronized Optional<OrganizationId> ownerOf(AccountSid sid) {
        return Optional.ofNullable(accounts.get(sid)).map(entry -> entry.account().organization());
    }

    @Override
    public synchronized boolean register(OrganizationId organization, AccountSid sid, String authToken,
            Optional<AccountSid> parent, String friendlyName, Instant at) {
        if (accounts.containsKey(sid)) {
            return false;
        }
        accounts.put(sid, new Entry(new RegisteredAccount(sid, organization, parent, friendlyName, false, false, at),
                authToken, null));
        return true;
    }

    @Override
    public synchronized boolean rotate(OrganizationId organization, AccountSid sid, String newToken) {
        Entry entry = accounts.get(sid);
        if (entry == null || !entry.account().organization().equals(organization)) {
            return false;
        }
        accounts.put(sid, new Entry(rotating(entry.account(), true), newToken, entry.token()));
        return true;
    }

    @Override
    public synchronized boolean finishRotation(OrganizationId organization, AccountSid sid) {
        Entry entry = accounts.get(sid);
        if (entry == null || !entry.account().organization().equals(organization)) {
            return false;
        }
        accounts.put(sid, new Entry(rotating(entry.account(), false), entry.token(), null));
        return true;
    }

    @Override
    public synchronized List<RegisteredAccount> list(OrganizationId organization) {
        return accounts.values().stream().map(Entry::account)
                .filter(account -> account.organization().equals(organization)).toList();
    }

    /** The tokens that verify the account's callbacks, current first. */
    public synchronized List<String> tokensOf(AccountSid sid) {
        Entry entry = accounts.get(sid);
        List<String> tokens = new ArrayList<>();
        if (entry != null) {
            tokens.add(entry.token());
            if (entry.previous() != null) {
                tokens.add(entry.previous());
            }
        }
        return tokens;
    }

    private static RegisteredAccount rotating(RegisteredAccount account, boolean rotating) {
        return new RegisteredAccount(account.sid(), account.organization(), account.parent(), account.friendlyName(),
                rotating, account.configured(), account.registeredAt());
    }
}
