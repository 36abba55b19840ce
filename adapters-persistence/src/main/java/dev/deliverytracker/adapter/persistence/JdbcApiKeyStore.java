package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "key_id, org_id, name, key_prefix, scopes, created_at, expires_at, "
            + "last_used_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long add(OrganizationId organization, String name, String secretHash, String prefix, Set<ApiScope> scopes,
            Optional<Instant> expiresAt) {
        jdbc.sql("""
                insert into api_keys (org_id, name, key_hash, key_prefix, scopes, expires_at)
                values (:org, :name, :hash, :prefix, cast(:scopes as text[]), :expires)
                on conflict (key_hash) do update set scopes = excluded.scopes, expires_at = excluded.expires_at
                 where api_keys.org_id = excluded.org_id
                """)
                .param("org", organization.value()).param("name", name).param("hash", secretHash)
                .param("prefix", prefix).param("scopes", arrayLiteral(scopes))
                .param("expires", expiresAt.map(Timestamp::from).orElse(null)).update();
        return jdbc.sql("select key_id from api_keys where key_hash = :hash").param("hash", secretHash)
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationId> findActive(String secretHash) {
        return jdbc.sql("select org_id from api_keys where key_hash = :hash and revoked_at is null")
                .param("hash", secretHash).query(Long.class).optional().map(OrganizationId::of);
    }

    @Override
    public Optional<ApiCaller> findActiveKey(String secretHash) {
        return findByHash(secretHash).filter(key -> key.revokedAt().isEmpty()).map(StoredApiKey::caller);
    }

    /**
     * Runs on every API request: one statement in autocommit, with no transaction (and no JPA session)
     * opened around it, which a single read does not need. Never cached, so a revocation holds at once.
     */
    @Override
    public Optional<StoredApiKey> findByHash(String secretHash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where key_hash = :hash").param("hash", secretHash)
                .query(JdbcApiKeyStore::key).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredApiKey> list(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where org_id = :org order by key_id desc")
                .param("org", organization.value()).query(JdbcApiKeyStore::key).list();
    }

    @Override
    public void markUsed(long keyId, Instant at) {
        jdbc.sql("update api_keys set last_used_at = :at where key_id = :id and (last_used_at is null or last_used_at < :at)")
                .param("at", Timestamp.from(at)).param("id", keyId).update();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasActive(OrganizationId organization) {
        return jdbc.sql("select exists (select 1 from api_keys where org_id = :org and revoked_at is null)")
                .param("org", organization.value()).query(Boolean.class).single();
    }

    @Override
    @Transactional
    public boolean revoke(OrganizationId organization, long keyId) {
        return jdbc.sql("update api_keys set revoked_at = now() where key_id = :id and org_id = :org and revoked_at is null")
                .param("id", keyId).param("org", organization.value()).update() == 1;
    }

    private static String arrayLiteral(Set<ApiScope> scopes) {
        return "{" + String.join(",", EnumSet.copyOf(scopes).stream().map(ApiScope::wireName).toList()) + "}";
    }

    private static StoredApiKey key(ResultSet row, int index) throws SQLException {
        Array array = row.getArray("scopes");
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream((String[]) array.getArray()).map(ApiScope::parse).forEach(scopes::add);
        return new StoredApiKey(row.getLong("key_id"), OrganizationId.of(row.getLong("org_id")), row.getString("name"),
                row.getString("key_prefix"), scopes, row.getTimestamp("created_at").toInstant(),
                instant(row, "expires_at"), instant(row, "last_used_at"), instant(row, "revoked_at"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? Optional.empty() : Optional.of(timestamp.toInstant());
    }
}
