package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V50 moves an operator's one role onto each of their memberships and makes the oldest admin of
 * {@code default} (the person who ran the first start) a platform administrator (ADR 0055). A database
 * from before V50 with operators created the old way, a role on the operator, is migrated. Runs in a
 * schema of its own.
 */
class OperatorRolesMigrationTest {

    /** The last migration before V50. */
    private static final String LAST_BEFORE_V50 = "42";

    private final String schema = "roles_" + UUID.randomUUID().toString().substring(0, 8);
    private final TestDatabase.Connection database = TestDatabase.connection();

    @Test
    void each_membership_keeps_the_operators_old_role_and_only_the_oldest_admin_of_default_reaches_every_organization()
            throws SQLException {
        flyway(LAST_BEFORE_V50).migrate();
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("insert into organizations (name) values ('default'), ('brand')");
            // zed is older than alice but administers another organization only: not the first start's person.
            sql.execute("""
                    insert into operators (username, password_hash, role) values
                        ('zed', '{noop}x', 'admin'), ('alice', '{noop}x', 'admin'), ('bob', '{noop}x', 'viewer'),
                        ('dave', '{noop}x', 'admin'), ('vic', '{noop}x', 'viewer')
                    """);
            sql.execute("""
                    insert into operator_organizations (operator_id, org_id)
                    select o.operator_id, g.org_id from operators o join organizations g
                      on (o.username, g.name) in (('zed', 'brand'), ('alice', 'default'), ('alice', 'brand'),
                                                  ('bob', 'default'), ('bob', 'brand'), ('dave', 'default'))
                    """);
        }

        flyway(null).migrate();

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            assertThat(rows(sql, """
                    select o.username, g.name, m.role from operator_organizations m
                      join operators o on o.operator_id = m.operator_id join organizations g on g.org_id = m.org_id
                     order by o.username, g.name
                    """)).containsExactly("alice brand admin", "alice default admin", "bob brand viewer",
                    "bob default viewer", "dave default admin", "zed brand admin");
            assertThat(rows(sql, "select username from operators where platform order by username"))
                    .containsExactly("alice");
            assertThat(rows(sql, "select username from operators order by username"))
                    .as("an operator without memberships is kept").containsExactly("alice", "bob", "dave", "vic", "zed");
            assertThat(rows(sql, """
                    select count(*) from information_schema.columns
                     where table_schema = current_schema() and table_name = 'operators' and column_name = 'role'
                    """)).as("the old column is gone").containsExactly("0");
        }
    }

    @Test
    void a_membership_without_a_known_role_is_refused_after_v50() throws SQLException {
        flyway(null).migrate();
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("insert into organizations (name) values ('default')");
            sql.execute("insert into operators (username, password_hash) values ('eve', '{noop}x')");
            assertThat(rows(sql, "select platform from operators where username = 'eve'")).containsExactly("f");
            try {
                sql.execute("""
                        insert into operator_organizations (operator_id, org_id, role)
                        select operator_id, (select min(org_id) from organizations), 'owner' from operators
                        """);
                throw new AssertionError("a role outside viewer, operator and admin was stored");
            } catch (SQLException refused) {
                assertThat(refused.getMessage()).contains("operator_organizations_role_known");
            }
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("drop schema " + schema + " cascade");
        }
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").schemas(schema).defaultSchema(schema).createSchemas(true);
        return (target == null ? config : config.target(target)).load();
    }

    private Connection connect() throws SQLException {
        Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
        try (Statement sql = db.createStatement()) {
            sql.execute("set search_path = " + schema);
        }
        return db;
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
