package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcOperatorAccounts implements OperatorAccounts {

    private final JdbcClient jdbc;

    JdbcOperatorAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OperatorAccount> find(String username) {
        Optional<Row> row = jdbc.sql("select operator_id, password_hash, role from operators where username = :name")
                .param("name", username)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        return row.map(found -> new OperatorAccount(username, found.passwordHash(), OperatorRole.parse(found.role()),
                new HashSet<>(jdbc.sql("select org_id from operator_organizations where operator_id = :id")
                        .param("id", found.id()).query((rs, n) -> OrganizationId.of(rs.getLong(1))).list())));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean any() {
        return jdbc.sql("select exists (select 1 from operators)").query(Boolean.class).single();
    }

    @Override
    @Transactional
    public void save(OperatorAccount account) {
        long id = jdbc.sql("""
                insert into operators (username, password_hash, role) values (:name, :hash, :role)
                on conflict (username) do update
                    set password_hash = excluded.password_hash, role = excluded.role, updated_at = now()
                returning operator_id
                """)
                .param("name", account.username()).param("hash", account.passwordHash())
                .param("role", account.role().wireName()).query(Long.class).single();
        jdbc.sql("delete from operator_organizations where operator_id = :id").param("id", id).update();
        for (OrganizationId organization : account.organizations()) {
            jdbc.sql("insert into operator_organizations (operator_id, org_id) values (:id, :org)")
                    .param("id", id).param("org", organization.value()).update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationName> organizationsNamed(Set<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select org_id, name from organizations where name in (:names) order by name, org_id")
                .param("names", names).query((rs, n) -> new OrganizationName(OrganizationId.of(rs.getLong(1)),
                        rs.getString(2))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationName> organizationsOf(String username) {
        return jdbc.sql("""
                select o.org_id, o.name from organizations o
                join operator_organizations m on m.org_id = o.org_id
                join operators p on p.operator_id = m.operator_id
                where p.username = :name
                order by o.name, o.org_id
                """)
                .param("name", username).query((rs, n) -> new OrganizationName(OrganizationId.of(rs.getLong(1)),
                        rs.getString(2))).list();
    }

    private record Row(long id, String passwordHash, String role) {
    }
}
