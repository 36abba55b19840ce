package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcApiKeyStore implements ApiKeyStore {

    private final JdbcClient jdbc;

    JdbcApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public long add(OrganizationId organization, String name, String secretHash, String prefix) {
        jdbc.sql("""
                insert into api_keys (org_id, name, key_hash, key_prefix) values (:org, :name, :hash, :prefix)
                on conflict (key_hash) do nothing
                """)
                .param("org", organization.value()).param("name", name).param("hash", secretHash)
                .param("prefix", prefix).update();
        return jdbc.sql("select key_id from api_keys where key_hash = :hash").param("hash", secretHash)
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationId> findActive(String secretHash) {
        return jdbc.sql("select org_id from api_keys where key_hash = :hash and revoked_at is null")
                .param("hash", secretHash).query(Long.class).optional().map(OrganizationId::of);
    }

    /**
     * Runs on every API request: one statement in autocommit, with no transaction (and no JPA session)
     * opened around it, which a single read does not need.
     */
    @Override
    public Optional<ApiCaller> findActiveKey(String secretHash) {
        return jdbc.sql("select key_id, org_id from api_keys where key_hash = :hash and revoked_at is null")
                .param("hash", secretHash)
                .query((row, index) -> new ApiCaller(row.getLong("key_id"), OrganizationId.of(row.getLong("org_id"))))
                .optional();
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
}
