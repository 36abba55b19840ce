package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import java.util.stream.Stream;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryTwilioAccounts implements TwilioAccounts, Organizations {

    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();

    private final Map<AccountSid, TwilioAccount> accounts = new ConcurrentHashMap<>();

    public InMemoryTwilioAccounts with(TwilioAccount account) {
        accounts.put(account.sid(), account);
        return this;
    }

    @Override
    public Optional<TwilioAccount> findBySid(AccountSid sid) {
        return Optional.ofNullable(accounts.get(sid));
    }

    @Override
    public Optional<TwilioAccount> findByOrganization(OrganizationId organization) {
        return accounts.values().stream().filter(account -> account.organization().equals(organization)).findFirst();
    }

    @Override
    public synchronized void defaultSender(OrganizationId organization, Sender sender) {
        TwilioAccount account = existing(organization);
        // As the real store: a default number is kept without its channel; dispatch gives it the message's.
        Sender kept = sender instanceof Sender.Number number ? new Sender.Number(Address.sms(number.address().e164()))
                : sender;
        accounts.put(account.sid(),
                new TwilioAccount(organization, account.sid(), account.authTokens(), kept, account.adoption()));
    }

    @Override
    public synchronized void adoption(OrganizationId organization, AdoptionPolicy policy) {
        TwilioAccount account = existing(organization);
        accounts.put(account.sid(),
                new TwilioAccount(organization, account.sid(), account.authTokens(), account.defaultSender(), policy));
    }

    /** As the real store: a setting for an organization that does not exist is refused, not dropped. */
    private TwilioAccount existing(OrganizationId organization) {
        return findByOrganization(organization)
                .orElseThrow(() -> new IllegalArgumentException("no organization " + organization));
    }

    @Override
    public synchronized OrganizationId ensure(String name, TwilioAccountCredentials credentials) {
        OrganizationId org = findBySid(credentials.sid()).map(TwilioAccount::organization)
                .orElseGet(() -> OrganizationId.of(ids.incrementAndGet()));
        List<String> tokens = Stream.of(credentials.authToken(), credentials.previousAuthToken())
                .filter(token -> !token.isBlank()).toList();
        Sender sender = findBySid(credentials.sid()).map(TwilioAccount::defaultSender)
                .orElse(Sender.organizationDefault());
        AdoptionPolicy adoption = findBySid(credentials.sid()).map(TwilioAccount::adoption).orElse(AdoptionPolicy.ADOPT);
        accounts.put(credentials.sid(), new TwilioAccount(org, credentials.sid(), tokens, sender, adoption));
        return org;
    }
}
