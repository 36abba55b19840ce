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
 * V60 moves the inbound messages V21 kept apart into {@code messages} (direction incoming): a database
 * from before V60 with inbound messages of two organizations, on both channels, one SID two
 * organizations claimed and one an outgoing message already holds, is migrated. Runs in a schema of its own.
 */
class IncomingMessagesMigrationTest {

    /** The last migration on main when V60 was written; later ones of other work come in with the rest. */
    private static final String LAST_BEFORE_V60 = "42";
    private static final String OUR_SID = "SM" + "0".repeat(32);
    private static final String SHARED_SID = "SM" + "1".repeat(32);

    private final String schema = "incoming_" + UUID.randomUUID().toString().substring(0, 8);
    private final TestDatabase.Connection database = TestDatabase.connection();

    @Test
    void inbound_messages_become_incoming_messages_once_each_and_the_old_name_still_reads_them() throws SQLException {
        flyway(LAST_BEFORE_V60).migrate();
        List<String> before;
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("insert into organizations (name) values ('a'), ('b')");
            sql.execute("""
                    insert into messages (org_id, channel, to_address, from_address, body, whatsapp_msg_sid, status,
                                          created_at, sent_at)
                    values ((select min(org_id) from organizations), 'whatsapp', '+31612000001', '+14155238886', 'ours',
                            '%s', 'sent', timestamptz '2026-11-01 10:00:00+00', timestamptz '2026-11-01 10:00:00+00')
                    """.formatted(OUR_SID));
            sql.execute("""
                    insert into inbound_messages (org_id, message_sid, channel, from_address, to_address, body, received_at)
                    select (select min(org_id) from organizations), 'SM' || lpad(to_hex(n), 32, 'a'),
                           case when n % 2 = 0 then 'whatsapp' else 'sms' end,
                           case when n % 2 = 0 then 'whatsapp:' else '' end || '+3161200000' || (n % 3),
                           case when n % 2 = 0 then 'whatsapp:' else '' end || '+14155238886',
                           'message ' || n, timestamptz '2026-11-02 10:00:00+00' + n * interval '1 minute'
                    from generate_series(1, 20) n
                    """);
            sql.execute("""
                    insert into inbound_messages (org_id, message_sid, channel, from_address, to_address, body, received_at)
                    values ((select min(org_id) from organizations), '%1$s', 'sms', '+31612000009', '+14155238886',
                            'first to claim it', timestamptz '2026-11-03 10:00:00+00'),
                           ((select max(org_id) from organizations), '%1$s', 'sms', '+31612000009', '+14155238886',
                            'claimed again', timestamptz '2026-11-03 10:00:01+00'),
                           ((select min(org_id) from organizations), '%2$s', 'whatsapp', 'whatsapp:+31612000001',
                            'whatsapp:+14155238886', 'names our message', timestamptz '2026-11-03 10:00:02+00')
                    """.formatted(SHARED_SID, OUR_SID));
            before = rows(sql, "select org_id, message_sid, channel, from_address, to_address, body, received_at "
                    + "from inbound_messages order by message_sid, org_id");
        }

        flyway(null).migrate();

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select count(*) from messages where direction = 'incoming'")).containsExactly("21");
            assertThat(rows(sql, """
                    select count(*) from messages where direction = 'incoming' and (status <> 'received'
                        or from_address like 'whatsapp:%' or to_address like 'whatsapp:%' or created_at <> updated_at)
                    """)).containsExactly("0");
            assertThat(rows(sql, "select status, body from messages where whatsapp_msg_sid = '" + OUR_SID + "'"))
                    .as("an outgoing message keeps its SID").containsExactly("sent ours");
            List<String> after = rows(sql, "select org_id, message_sid, channel, from_address, to_address, body, "
                    + "received_at from inbound_messages order by message_sid, org_id");
            List<String> notMoved = rows(sql, "select org_id, message_sid, channel, from_address, to_address, body, "
                    + "received_at from inbound_messages_not_moved order by message_sid, org_id");
            assertThat(notMoved).hasSize(2).allMatch(row -> row.contains("claimed again") || row.contains("names our"));
            List<String> whole = new ArrayList<>(after);
            whole.addAll(notMoved);
            assertThat(whole).as("nothing lost").containsExactlyInAnyOrderElementsOf(before);
            assertThat(rows(sql, "select count(*) from message_stats_changes")).as("not counted as sent")
                    .containsExactly("1");
        }
    }

    @Test
    void without_inbound_messages_nothing_is_left_beside_them() throws SQLException {
        flyway(null).migrate();

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            assertThat(rows(sql, "select count(*) from inbound_messages")).containsExactly("0");
            assertThat(rows(sql, "select to_regclass('inbound_messages_not_moved') is null")).containsExactly("t");
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
