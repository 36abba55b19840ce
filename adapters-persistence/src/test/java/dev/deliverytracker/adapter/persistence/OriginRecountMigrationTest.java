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
 * V41 moves the counts of messages adopted before it from 'api' to 'external' in every rollup table:
 * a database at V40 with adopted and own messages, some changes folded and some pending, is migrated,
 * and each rollup then equals a count over the messages. Runs in a schema of its own.
 */
class OriginRecountMigrationTest {

    private final String schema = "recount_" + UUID.randomUUID().toString().substring(0, 8);
    private final TestDatabase.Connection database = TestDatabase.connection();

    @Test
    void counts_of_messages_adopted_before_v41_move_to_external_in_every_rollup() throws SQLException {
        flyway("40").migrate();
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("insert into organizations (name) values ('recount')");
            sql.execute("""
                    insert into messages (org_id, channel, to_address, from_address, body, status, origin, error_code,
                                          created_at, sent_at, delivered_at)
                    select (select org_id from organizations), case when n % 3 = 0 then 'whatsapp' else 'sms' end,
                           '+31612000700', case when n % 2 = 0 then '+15005550006' end,
                           case when n % 4 = 0 then null else 'hi' end,
                           case when n % 7 = 0 then 'undelivered' else 'delivered' end,
                           case when n % 4 = 0 then 'external' else 'api' end,
                           case when n % 7 = 0 then 30003 end,
                           timestamptz '2026-01-01 00:00:00+00' + n * interval '37 minutes',
                           timestamptz '2026-01-01 00:00:00+00' + n * interval '37 minutes',
                           case when n % 7 = 0 then null
                                else timestamptz '2026-01-01 00:00:00+00' + n * interval '37 minutes' + interval '2 seconds'
                           end
                    from generate_series(1, 300) n
                    """);
            sql.execute("select fold_message_stats()");
            sql.execute("update messages set status = 'read' where channel = 'whatsapp' and status = 'delivered' "
                    + "and message_id % 2 = 0");
        }

        flyway(null).migrate();

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            for (int fold = 0; fold < 2; fold++) {
                assertThat(rows(sql, """
                        select origin, channel, status, sum(messages) from (
                            select origin, channel, status, messages from message_counts_hourly
                            union all select origin, channel, status, change from message_stats_changes) c
                        group by 1, 2, 3 having sum(messages) <> 0
                        """)).containsExactlyInAnyOrderElementsOf(rows(sql,
                        "select origin, channel, status, count(*) from messages group by 1, 2, 3"));
                assertThat(rows(sql, """
                        select origin, sender, status, sum(messages) from (
                            select origin, sender, status, messages from message_sender_counts_daily
                            union all select origin, sender, status, change from message_stats_changes) c
                        group by 1, 2, 3 having sum(messages) <> 0
                        """)).containsExactlyInAnyOrderElementsOf(rows(sql, """
                        select origin, coalesce(from_address, messaging_service_sid, ''), status, count(*) from messages
                        group by 1, 2, 3"""));
                assertThat(rows(sql, """
                        select origin, sum(messages) from (
                            select origin, messages from message_delivery_times_hourly
                            union all select origin, change from message_stats_changes where delivery_bucket is not null) c
                        group by 1 having sum(messages) <> 0
                        """)).containsExactlyInAnyOrderElementsOf(rows(sql,
                        "select origin, count(*) from messages where delivered_at is not null group by 1"));
                sql.execute("select fold_message_stats()");
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
