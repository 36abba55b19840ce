package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail as rows that are only ever inserted and read, newest first (plain SQL, ADR 0031). */
@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.sql("""
                insert into audit_events (at, actor, org_id, action, changes)
                values (:at, :actor, :org, :action, cast(:changes as jsonb))
                """)
                .param("at", Timestamp.from(entry.at())).param("actor", entry.actor())
                .param("org", entry.organization().map(OrganizationId::value).orElse(null))
                .param("action", entry.action()).param("changes", StringMapJson.write(entry.changes()))
                .update();
    }

    @Override
    public List<AuditEntry> of(OrganizationId organization, int limit) {
        return jdbc.sql("""
                select at, actor, org_id, action, changes::text as changes from audit_events
                 where org_id = :org order by audit_id desc limit :limit
                """).param("org", organization.value()).param("limit", limit).query(JdbcAuditTrail::entry).list();
    }

    @Override
    public List<AuditEntry> all(int limit) {
        return jdbc.sql("""
                select at, actor, org_id, action, changes::text as changes from audit_events
                 order by audit_id desc limit :limit
                """).param("limit", limit).query(JdbcAuditTrail::entry).list();
    }

    private static AuditEntry entry(ResultSet row, int index) throws SQLException {
        long org = row.getLong("org_id");
        Optional<OrganizationId> organization = row.wasNull() ? Optional.empty() : Optional.of(OrganizationId.of(org));
        return new AuditEntry(row.getTimestamp("at").toInstant(), row.getString("actor"), organization,
                row.getString("action"),
                StringMapJson.read(row.getString("changes")));
    }
}
