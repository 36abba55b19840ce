package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registered accounts with their tokens in a map, for use-case tests; {@link #tokensOf} shows what verifies.
 * An organization's account from the settings is {@link #configure}d: it belongs to that organization,
 * lists first, and can be neither registered nor rotated here, as in PostgreSQL.
 */
public final class InMemoryTwilioAccountRegistry implements TwilioAccountRegistry {

    private record Entry(RegisteredAccount account, String token, String previous) {
    }

    private final Map<AccountSid, Entry> accounts = new LinkedHashMap<>();
    private final Map<AccountSid, OrganizationId> configured = new LinkedHashMap<>();

    /** The organization sends through {@code sid} from its settings, not from the registry. */
    public synchronized void configure(OrganizationId organization, AccountSid sid) {
        configured.put(sid, organization);
    }

    @Override
    public synchronized Optional<OrganizationId> ownerOf(AccountSid sid) {
        return Optional.ofNullable(accounts.get(sid)).map(entry -> entry.account().organization())
                .or(() -> Optional.ofNullable(configured.get(sid)));
    }

    @Override
    public synchronized boolean register(OrganizationId organization, AccountSid sid, String authToken,
            Optional<AccountSid> parent, String friendlyName, Instant at) {
        if (accounts.containsKey(sid) || configured.containsKey(sid)) {
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
        // The settings' account first, then the registered ones oldest first, as the SQL lists them.
        List<RegisteredAccount> listed = new ArrayList<>();
        configured.forEach((sid, owner) -> {
            if (owner.equals(organization)) {
                listed.add(new RegisteredAccount(sid, organization, Optional.empty(), "from the settings", false, true,
                        Instant.EPOCH));
            }
        });
        accounts.values().stream().map(Entry::account)
                .filter(account -> account.organization().equals(organization))
                .sorted(Comparator.comparing(RegisteredAccount::registeredAt)
                        .thenComparing(account -> account.sid().value()))
                .forEach(listed::add);
        return listed;
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
