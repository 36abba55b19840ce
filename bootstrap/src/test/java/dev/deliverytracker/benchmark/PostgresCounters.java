package dev.deliverytracker.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own counters around the measured window: WAL written, and how the updates of
 * {@code messages} were done. A non-HOT update writes a new entry into every index of the table; a HOT
 * one (no indexed column changed, room on the page) writes none. The table counters are flushed by each
 * backend at most once a second, so a short window reads them approximately.
 */
record PostgresCounters(long walBytes, long messageUpdates, long messageHotUpdates) {

    static PostgresCounters read(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            long wal;
            try (ResultSet rs = statement.executeQuery("select wal_bytes from pg_stat_wal")) {
                rs.next();
                wal = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery(
                    "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'messages'")) {
                return rs.next() ? new PostgresCounters(wal, rs.getLong(1), rs.getLong(2)) : new PostgresCounters(wal, 0, 0);
            }
        }
    }

    /** What a status change must write by the schema's shape: indexes of messages, foreign keys of the log. */
    static String shape(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                select (select count(*) from pg_index where indrelid = 'messages'::regclass),
                       (select count(*) from pg_constraint
                        where conrelid = 'message_delivery_log'::regclass and contype = 'f'),
                       (select count(*) from pg_index where indrelid = 'message_delivery_log'::regclass)
                """)) {
            rs.next();
            return rs.getLong(1) + " / " + rs.getLong(2) + " / " + rs.getLong(3);
        }
    }
}
