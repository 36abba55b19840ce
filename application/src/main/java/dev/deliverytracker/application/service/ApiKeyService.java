package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keys are 32 random bytes, prefixed {@code dt_} so a leaked one is recognisable in a scan. A plain
 * SHA-256 is enough to store them: they are long random secrets, not passwords a dictionary finds.
 * Keys are looked up at every request, never cached, so a revocation holds at once on every instance.
 */
public final class ApiKeyService implements ManageApiKeys {

    private static final String PREFIX = "dt_";
    private static final int MIN_SECRET_LENGTH = 24;
    /** The last-used time is written at most this often per key and instance: a read is not worth a write each. */
    static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final int MAX_NOTED = 10_000;

    private final ApiKeyStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<Long, Instant> usesNoted = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyStore store, SecureRandom random) {
        this(store, random, Clock.systemUTC(), UNAUDITED);
    }

    /** For wiring without an audit trail (tests of authentication only): administrative changes go nowhere. */
    private static final AuditTrail UNAUDITED = new AuditTrail() {
        @Override
        public void record(AuditEntry entry) {
        }

        @Override
        public List<AuditEntry> of(OrganizationId organization, int limit) {
            return List.of();
        }

        @Override
        public List<AuditEntry> all(int limit) {
            return List.of();
        }
    };

    public ApiKeyService(ApiKeyStore store, SecureRandom random, Clock clock, AuditTrail audit) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public IssuedApiKey issue(OrganizationId organization, String name) {
        return issued(new IssueApiKey(organization, name, ApiScope.organizationDefault(), Optional.empty()));
    }

    @Override
    public AdminOutcome<IssuedApiKey> issue(Actor actor, IssueApiKey command) {
        Optional<AdminOutcome<IssuedApiKey>> refused = AccessPolicy.check(actor, command.organization(), Need.MANAGE,
                "organization " + command.organization());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (command.scopes().contains(ApiScope.PLATFORM)) {
            Optional<AdminOutcome<IssuedApiKey>> notPlatform = AccessPolicy.platformOnly(actor);
            if (notPlatform.isPresent()) {
                return notPlatform.get();
            }
        }
        command.expiresAt().filter(expiry -> !expiry.isAfter(clock.instant())).ifPresent(past -> {
            throw new IllegalArgumentException("expiresAt: must be in the future, was " + past);
        });
        IssuedApiKey issued = issued(command);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("keyId", Long.toString(issued.keyId()));
        changes.put("name", issued.name());
        changes.put("prefix", issued.prefix());
        changes.put("scopes", wire(issued.scopes()));
        issued.expiresAt().ifPresent(expiry -> changes.put("expiresAt", expiry.toString()));
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(command.organization()),
                "api-key.issued", changes));
        return AdminOutcome.done(issued);
    }

    private IssuedApiKey issued(IssueApiKey command) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String name = requireName(command.name());
        long id = store.add(command.organization(), name, RequestFingerprint.sha256(secret), prefixOf(secret),
                command.scopes(), command.expiresAt());
        return new IssuedApiKey(id, name, secret, prefixOf(secret), command.scopes(), command.expiresAt());
    }

    @Override
    public void register(OrganizationId organization, String name, String secret) {
        register(organization, name, secret, ApiScope.organizationDefault());
    }

    @Override
    public void register(OrganizationId organization, String name, String secret, Set<ApiScope> scopes) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("an API key must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        String hash = RequestFingerprint.sha256(secret);
        Optional<OrganizationId> owner = store.findActive(hash);
        if (owner.isPresent() && !owner.get().equals(organization)) {
            throw new IllegalArgumentException("this API key already belongs to another organization");
        }
        store.add(organization, requireName(name), hash, prefixOf(secret), scopes, Optional.empty());
    }

    @Override
    public boolean hasKeys(OrganizationId organization) {
        return store.hasActive(organization);
    }

    @Override
    public Optional<ApiCaller> identify(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.length() < MIN_SECRET_LENGTH || presentedSecret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StoredApiKey> key = store.findByHash(RequestFingerprint.sha256(presentedSecret))
                .filter(found -> found.usableAt(now));
        key.ifPresent(found -> noteUse(found.id(), now));
        return key.map(StoredApiKey::caller);
    }

    private void noteUse(long keyId, Instant now) {
        Instant noted = usesNoted.get(keyId);
        if (noted != null && now.isBefore(noted.plus(USE_NOTED_EVERY))) {
            return;
        }
        if (usesNoted.size() >= MAX_NOTED) {
            usesNoted.clear();
        }
        usesNoted.put(keyId, now);
        store.markUsed(keyId, now);
    }

    @Override
    public boolean revoke(OrganizationId organization, long keyId) {
        return store.revoke(organization, keyId);
    }

    @Override
    public AdminOutcome<Long> revoke(Actor actor, OrganizationId organization, long keyId) {
        Optional<AdminOutcome<Long>> refused = AccessPolicy.check(actor, organization, Need.MANAGE,
                "API key " + keyId);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!store.revoke(organization, keyId)) {
            return new AdminOutcome.NotFound<>("API key " + keyId);
        }
        audit.record(new AuditEntry(clock.instant(), actor.describe(), Optional.of(organization), "api-key.revoked",
                Map.of("keyId", Long.toString(keyId))));
        return AdminOutcome.done(keyId);
    }

    @Override
    public AdminOutcome<List<StoredApiKey>> list(Actor actor, OrganizationId organization) {
        Optional<AdminOutcome<List<StoredApiKey>>> refused = AccessPolicy.check(actor, organization, Need.MANAGE,
                "organization " + organization);
        return refused.orElseGet(() -> AdminOutcome.done(store.list(organization)));
    }

    static String wire(Set<ApiScope> scopes) {
        return new TreeSet<>(scopes).stream().map(ApiScope::wireName).collect(Collectors.joining(","));
    }

    private static String prefixOf(String secret) {
        return secret.substring(0, Math.min(10, secret.length()));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: an API key needs a name of 1 to 100 characters");
        }
        return name;
    }
}
