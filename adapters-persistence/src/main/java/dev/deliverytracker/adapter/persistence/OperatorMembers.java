package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's operators read through their JPA aggregate; whether one is disabled kept in
 * {@code disabled_operators} in plain SQL (a table of its own, ADR 0031).
 */
@Component
class OperatorMembers implements OperatorDirectory {

    private final OperatorJpaRepository operators;
    private final OperatorMapper mapper;
    private final JdbcClient jdbc;

    OperatorMembers(OperatorJpaRepository operators, OperatorMapper mapper, JdbcClient jdbc) {
        this.operators = operators;
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OperatorAccount> members(OrganizationId organization) {
        return operators.findMembers(organization.value()).stream()
                .map(mapper::toAccount).toList();
    }

    @Override
    public Set<String> disabled(Set<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select o.username from disabled_operators d join operators o using (operator_id) "
                + "where o.username in (:names)").param("names", usernames).query(String.class).list());
    }

    @Override
    public boolean isDisabled(String username) {
        return !disabled(Set.of(username)).isEmpty();
    }

    @Override
    @Transactional
    public boolean setDisabled(String username, boolean disabled, Instant at) {
        if (disabled) {
            return jdbc.sql("""
                    insert into disabled_operators (operator_id, disabled_at)
                    select operator_id, :at from operators where username = :name
                    on conflict (operator_id) do nothing
                    """).param("at", Timestamp.from(at)).param("name", username).update() == 1
                    || isDisabled(username);
        }
        jdbc.sql("delete from disabled_operators where operator_id = (select operator_id from operators "
                + "where username = :name)").param("name", username).update();
        return operators.findByUsername(username).isPresent();
    }
}
