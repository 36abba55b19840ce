package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

// No class-wide transaction: a cached account must cost no connection and no transaction, since every
// callback asks for one. The repository's own calls are transactional where the database is read.
@Component
class JpaOrganizations implements Organizations, TwilioAccounts {

    static final Duration CACHE_TIME = Duration.ofSeconds(30);
    static final int MAX_CACHED = 10_000;

    private final OrganizationJpaRepository rows;
    private final Clock clock;
    private final Map<AccountSid, Cached> bySid = new ConcurrentHashMap<>();
    private final Map<OrganizationId, Cached> byOrganization = new ConcurrentHashMap<>();

    private record Cached(Optional<TwilioAccount> account, Instant until) {
    }

    private final TokenCipher cipher;
    /** Accounts registered through the administration (issue 20); none in the tests that build this by hand. */
    private final JdbcTwilioAccountRows registered;

    @Autowired
    JpaOrganizations(OrganizationJpaRepository rows, Clock clock, ObjectProvider<TokenCipher> cipher,
            ObjectProvider<JdbcTwilioAccountRows> registered) {
        this(rows, clock, cipher.getIfAvailable(TokenCipher::none), registered.getIfAvailable());
    }

    JpaOrganizations(OrganizationJpaRepository rows, Clock clock, TokenCipher cipher) {
        this(rows, clock, cipher, null);
    }

    private JpaOrganizations(OrganizationJpaRepository rows, Clock clock, TokenCipher cipher,
            JdbcTwilioAccountRows registered) {
        this.cipher = cipher;
        this.rows = rows;
        this.clock = clock;
        this.registered = registered;
    }

    @Override
    @Transactional
    public OrganizationId ensure(String name, TwilioAccountCredentials credentials) {
        OrganizationEntity row = rows.findByTwilioAccountSid(credentials.sid().value()).orElseGet(() -> {
            OrganizationEntity created = new OrganizationEntity();
            created.name = name;
            created.twilioAccountSid = credentials.sid().value();
            created.createdAt = clock.instant();
            return created;
        });
        forget();
        row.twilioAuthToken = cipher.seal(credentials.authToken());
        row.twilioPreviousAuthToken = credentials.previousAuthToken().isBlank() ? null
                : cipher.seal(credentials.previousAuthToken());
        return OrganizationId.of(rows.saveAndFlush(row).id);
    }

    @Override
    @Transactional
    public void defaultSender(OrganizationId organization, Sender sender) {
        OrganizationEntity row = rows.findById(organization.value())
                .orElseThrow(() -> new IllegalArgumentException("no organization " + organization));
        forget();
        row.defaultFrom = sender instanceof Sender.Number number ? number.address().e164() : null;
        row.defaultMessagingServiceSid = sender instanceof Sender.Service service ? service.sid().value() : null;
    }

    @Override
    @Transactional
    public void adoption(OrganizationId organization, AdoptionPolicy policy) {
        OrganizationEntity row = rows.findById(organization.value())
                .orElseThrow(() -> new IllegalArgumentException("no organization " + organization));
        forget();
        row.adoption = policy.wireName();
    }

    /**
     * Every callback looks its account up; a short cache keeps that off the database. A token rotated
     * on another instance is seen here within {@link #CACHE_TIME}; one rotated here at once.
     */
    @Override
    public Optional<TwilioAccount> findBySid(AccountSid sid) {
        return cached(bySid, sid, () -> rows.findByTwilioAccountSid(sid.value()).flatMap(this::account)
                .or(() -> registered == null ? Optional.empty()
                        : registered.bySid(sid).flatMap(this::registeredAccount)));
    }

    /** Every send looks its organization's account up: cached the same way as {@link #findBySid}. */
    @Override
    public Optional<TwilioAccount> findByOrganization(OrganizationId organization) {
        return cached(byOrganization, organization, () -> rows.findById(organization.value()).flatMap(this::account)
                .or(() -> registered == null ? Optional.empty()
                        : registered.mainOf(organization).flatMap(this::registeredAccount)));
    }

    private <K> Optional<TwilioAccount> cached(Map<K, Cached> cache, K key, Supplier<Optional<TwilioAccount>> load) {
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.account();
        }
        Optional<TwilioAccount> account = load.get();
        if (cache.size() >= MAX_CACHED) {
            // Forged callbacks with random account SIDs must not grow memory without bound.
            cache.clear();
        }
        cache.put(key, new Cached(account, now.plus(CACHE_TIME)));
        return account;
    }

    /** Forgets every cached account: a registration or rotation made here is seen here at once. */
    void forget() {
        bySid.clear();
        byOrganization.clear();
    }

    /** An organization without an account SID and token cannot send or verify: no account then. */
    private Optional<TwilioAccount> account(OrganizationEntity row) {
        if (row.twilioAccountSid == null || row.twilioAuthToken == null || row.twilioAuthToken.isBlank()) {
            return Optional.empty();
        }
        List<String> tokens = Stream.of(row.twilioAuthToken, row.twilioPreviousAuthToken)
                .filter(token -> token != null && !token.isBlank()).map(cipher::open).toList();
        return Optional.of(new TwilioAccount(OrganizationId.of(row.id), AccountSid.of(row.twilioAccountSid), tokens,
                defaultSender(row), AdoptionPolicy.lookup(row.adoption).orElse(AdoptionPolicy.ADOPT)));
    }

    /** A registered account with its organization's sender and adoption policy. */
    private Optional<TwilioAccount> registeredAccount(JdbcTwilioAccountRows.SealedAccount sealed) {
        return rows.findById(sealed.organization().value()).map(row -> new TwilioAccount(sealed.organization(),
                sealed.sid(), sealed.sealedTokens().stream().map(cipher::open).toList(), defaultSender(row),
                AdoptionPolicy.lookup(row.adoption).orElse(AdoptionPolicy.ADOPT)));
    }

    private static Sender defaultSender(OrganizationEntity row) {
        if (row.defaultFrom != null) {
            return new Sender.Number(Address.sms(row.defaultFrom));
        }
        if (row.defaultMessagingServiceSid != null) {
            return new Sender.Service(MessagingServiceSid.of(row.defaultMessagingServiceSid));
        }
        return Sender.organizationDefault();
    }
}
