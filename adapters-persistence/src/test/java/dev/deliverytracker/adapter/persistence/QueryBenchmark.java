package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.Actors;
import com.zaxxer.hikari.HikariDataSource;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.service.DeliveryStatisticsService;
import dev.deliverytracker.application.service.FailureReportService;
import dev.deliverytracker.application.service.MessageQueryService;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights queries at 10 million messages and 40 million log rows (bench/queries.sh,
 * docs/queries.md). Starts an embedded PostgreSQL (or uses a JDBC URL), loads generated data once
 * (bench/queries-data.sql) into the schema of {@code --load-at-version}, migrates to the latest
 * schema, then times each list, timeline, failures and statistics call the API makes, through
 * JdbcMessageQueries and the application services themselves, and writes the EXPLAIN (ANALYZE,
 * BUFFERS) plan of every statement they ran. Not a test.
 */
public final class QueryBenchmark {

    /** The generated data starts here; the queries are placed relative to its last day. */
    static final Instant DATA_START = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration DATA_SPAN = Duration.ofDays(120);
    static final Instant DATA_END = DATA_START.plus(DATA_SPAN);

    private final Map<String, String> options;
    private final StringBuilder report = new StringBuilder();

    private QueryBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("messages", "10000000");
        options.put("load-workers", "2");
        options.put("load-at-version", "7");
        options.put("runs", "7");
        options.put("data-dir", "bench/target/querybench/pgdata");
        options.put("db-port", "55434");
        options.put("data-sql", "bench/queries-data.sql");
        options.put("plans-dir", "docs/queries/plans");
        options.put("results-dir", "bench/results");
        options.put("label", "");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("regenerate") || name.equals("load-only")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        new QueryBenchmark(options).run();
    }

    private void run() throws Exception {
        EmbeddedPostgres embedded = null;
        String url = options.get("jdbc-url");
        String user = options.getOrDefault("db-user", "postgres");
        String password = options.getOrDefault("db-password", "postgres");
        if (url == null) {
            embedded = startEmbedded();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (HikariDataSource pool = pool(url, user, password, Integer.parseInt(options.get("load-workers")) + 1)) {

            if (options.containsKey("first-sql")) {
                // E.g. undoing a migration under development, so the next step applies it again.
                try (Connection connection = pool.getConnection()) {
                    execute(connection, Files.readString(Path.of(options.get("first-sql"))));
                }
                say("ran " + options.get("first-sql"));
            }
            load(pool, url, user, password);
            if (migrate(url, user, password, null) > 0) {
                // New tables and indexes: statistics for the planner, visibility for index-only scans.
                long start = System.nanoTime();
                try (Connection connection = pool.getConnection()) {
                    execute(connection, "vacuum (analyze)");
                }
                say("vacuum analyze after the migrations: " + seconds(start) + " s");
            }
            if (!options.containsKey("load-only")) {
                measure(pool);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    // --- database ---------------------------------------------------------------------------

    private EmbeddedPostgres startEmbedded() throws IOException {
        Path dataDir = Path.of(options.get("data-dir")).toAbsolutePath();
        Files.createDirectories(dataDir);
        say("embedded PostgreSQL in " + dataDir + " on port " + options.get("db-port"));
        // Load-friendly durability (nothing here must survive a crash: the data is generated) and a
        // modest cache. Reads do not depend on fsync; shared_buffers and the planner's costs do, and are listed in the report.
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPort(Integer.parseInt(options.get("db-port")))
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").setServerConfig("max_wal_size", "16GB")
                .setServerConfig("checkpoint_timeout", "30min").setServerConfig("shared_buffers", "2GB")
                .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("effective_cache_size", "8GB")
                .setServerConfig("random_page_cost", "1.1").setServerConfig("max_parallel_maintenance_workers", "0")
                .setPGStartupWait(Duration.ofMinutes(5))
                .start();
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        pool.setPoolName("querybench");
        String threshold = System.getProperty("querybench.prepareThreshold");
        if (threshold != null) {
            pool.addDataSourceProperty("prepareThreshold", threshold);
        }
        return pool;
    }

    private int migrate(String url, String user, String password, String target) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        long start = System.nanoTime();
        int applied = config.load().migrate().migrationsExecuted;
        if (applied > 0) {
            say("migrated" + (target == null ? "" : " to V" + target) + ": " + applied + " migrations in "
                    + seconds(start) + " s");
        }
        return applied;
    }

    // --- data -------------------------------------------------------------------------------

    private void load(HikariDataSource pool, String url, String user, String password) throws Exception {
        long messages = Long.parseLong(options.get("messages"));
        try (Connection connection = pool.getConnection()) {
            if (!options.containsKey("regenerate") && exists(connection, "bench_dataset")) {
                say("data already loaded: " + single(connection, "select description from bench_dataset"));
                return;
            }
            say("loading " + messages + " messages into a fresh schema at V" + options.get("load-at-version"));
            execute(connection, "drop schema public cascade; create schema public");
        }
        long started = System.nanoTime();
        migrate(url, user, password, options.get("load-at-version"));
        List<String> indexes;
        try (Connection connection = pool.getConnection()) {
            indexes = dropIndexes(connection);
        }
        Map<String, String> steps = steps(Files.readString(Path.of(options.get("data-sql"))));
        for (Map.Entry<String, String> step : steps.entrySet()) {
            long start = System.nanoTime();
            String sql = step.getValue().replace("{messages}", Long.toString(messages))
                    .replace("{start}", DATA_START.toString());
            if (step.getKey().endsWith("per-worker")) {
                perWorker(pool, sql, messages);
            } else {
                try (Connection connection = pool.getConnection()) {
                    execute(connection, sql);
                }
            }
            say("step " + step.getKey() + ": " + seconds(start) + " s");
        }
        rebuildIndexes(pool, indexes);
        try (Connection connection = pool.getConnection()) {
            long start = System.nanoTime();
            for (String table : List.of("organizations", "messages", "message_delivery_log")) {
                execute(connection, "vacuum (analyze) " + table);
            }
            say("vacuum analyze: " + seconds(start) + " s");
            execute(connection, "create table bench_dataset (description text not null)");
            String description = String.format(Locale.ROOT,
                    "%d messages, %d delivery-log rows, loaded in %.0f s on %s (%s)",
                    Long.parseLong(single(connection, "select count(*) from messages")),
                    Long.parseLong(single(connection, "select count(*) from message_delivery_log")),
                    (System.nanoTime() - started) / 1e9, Instant.now(), single(connection, "select version()"));
            execute(connection, "insert into bench_dataset values ('" + description.replace("'", "''") + "')");
            say("loaded: " + description);
        }
    }

    /** The blocks of the data script, by name ("-- step: name"), in order. */
    private static Map<String, String> steps(String script) {
        Map<String, String> steps = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("-- step: ")) {
                if (name != null) {
                    steps.put(name, sql.toString());
                }
                name = line.substring("-- step: ".length()).trim();
                sql.setLength(0);
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            steps.put(name, sql.toString());
        }
        return steps;
    }

    private void perWorker(HikariDataSource pool, String sql, long messages) throws Exception {
        int workers = Integer.parseInt(options.get("load-workers"));
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            // Slices in steps of 500k, handed out round-robin, so progress shows and both workers stay busy.
            long slice = 500_000;
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(executor.submit(() -> {
                    try (Connection connection = pool.getConnection()) {
                        // No foreign-key checks row by row during the load; the data is made consistent.
                        execute(connection, "set session_replication_role = replica");
                        for (long lo = 1 + worker * slice; lo <= messages; lo += workers * slice) {
                            long hi = Math.min(messages, lo + slice - 1);
                            execute(connection, sql.replace("{lo}", Long.toString(lo)).replace("{hi}", Long.toString(hi)));
                            say("  " + hi + " / " + messages);
                        }
                        execute(connection, "set session_replication_role = origin");
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    /** Drops the secondary indexes and unique constraints of the two big tables; answers how to make them again. */
    private List<String> dropIndexes(Connection connection) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                        from pg_constraint c
                        where c.conrelid in ('messages'::regclass, 'message_delivery_log'::regclass) and c.contype = 'u'
                        """)) {
            while (rows.next()) {
                drop.add("alter table " + rows.getString(1) + " drop constraint " + rows.getString(2));
                rebuild.add("alter table " + rows.getString(1) + " add constraint " + rows.getString(2) + " "
                        + rows.getString(3));
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                        from pg_index i
                        where i.indrelid in ('messages'::regclass, 'message_delivery_log'::regclass)
                          and not i.indisprimary
                          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                        """)) {
            while (rows.next()) {
                drop.add("drop index " + rows.getString(1));
                rebuild.add(rows.getString(2));
            }
        }
        for (String statement : drop) {
            execute(connection, statement);
        }
        return rebuild;
    }

    private void rebuildIndexes(HikariDataSource pool, List<String> statements) throws Exception {
        int workers = Integer.parseInt(options.get("load-workers"));
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String statement : statements) {
                running.add(executor.submit(() -> {
                    long start = System.nanoTime();
                    try (Connection connection = pool.getConnection()) {
                        execute(connection, statement);
                    }
                    say("  " + seconds(start) + " s: " + statement);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    // --- measuring --------------------------------------------------------------------------

    /** One API call: what it is and how to make it. */
    private record Case(String group, String name, Runnable call) {
    }

    private void measure(HikariDataSource pool) throws Exception {
        RecordingDataSource recording = new RecordingDataSource(pool);
        JdbcMessageQueries queries = new JdbcMessageQueries(JdbcClient.create(recording.dataSource()),
                recording.dataSource());
        MessageQueryService messages = new MessageQueryService(queries);
        FailureReportService failures = new FailureReportService(queries);
        DeliveryStatisticsService statistics = new DeliveryStatisticsService(queries);
        Samples samples;
        try (Connection connection = pool.getConnection()) {
            samples = Samples.of(connection);
        }
        OrganizationId big = OrganizationId.of(1);
        OrganizationId small = OrganizationId.of(4);
        MessageFilter all = MessageFilter.all(big);
        Instant lastDay = DATA_END.minus(Duration.ofDays(1));
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("list", "newest 50, no filter", () -> messages.list(Actors.PLATFORM, all, Optional.empty(), 50)));
        cases.add(new Case("list", "page after a cursor half-way back (60 days)",
                () -> messages.list(Actors.PLATFORM, all, Optional.of(samples.midCursor), 50)));
        cases.add(new Case("list", "status=undelivered (5%)",
                () -> messages.list(Actors.PLATFORM, all.withStatus(DeliveryStatus.UNDELIVERED), Optional.empty(), 50)));
        cases.add(new Case("list", "status=accepted (0.1%)",
                () -> messages.list(Actors.PLATFORM, all.withStatus(DeliveryStatus.ACCEPTED), Optional.empty(), 50)));
        cases.add(new Case("list", "channel=whatsapp (30%)",
                () -> messages.list(Actors.PLATFORM, all.withChannel(Channel.WHATSAPP), Optional.empty(), 50)));
        cases.add(new Case("list", "to=most frequent recipient",
                () -> messages.list(Actors.PLATFORM, all.withTo(samples.frequentRecipient), Optional.empty(), 50)));
        cases.add(new Case("list", "to=a recipient with one message",
                () -> messages.list(Actors.PLATFORM, all.withTo(samples.rareRecipient), Optional.empty(), 50)));
        cases.add(new Case("list", "errorCode=30003 (2.7%)",
                () -> messages.list(Actors.PLATFORM, all.withErrorCode(30003), Optional.empty(), 50)));
        cases.add(new Case("list", "errorCode=30008 (0.05%)",
                () -> messages.list(Actors.PLATFORM, all.withErrorCode(30008), Optional.empty(), 50)));
        cases.add(new Case("list", "tag=campaign:c7 (0.6%)",
                () -> messages.list(Actors.PLATFORM, all.withTag(new MessageFilter.Tag("campaign", "c7")), Optional.empty(), 50)));
        cases.add(new Case("list", "tag=order:<one message>",
                () -> messages.list(Actors.PLATFORM, all.withTag(new MessageFilter.Tag("order", samples.orderTag)), Optional.empty(), 50)));
        cases.add(new Case("list", "from/until one day, 30 days back",
                () -> messages.list(Actors.PLATFORM, all.createdFrom(DATA_END.minus(Duration.ofDays(31)))
                        .createdUntil(DATA_END.minus(Duration.ofDays(30))), Optional.empty(), 50)));
        cases.add(new Case("list", "status=undelivered, channel=sms, last day",
                () -> messages.list(Actors.PLATFORM, all.withStatus(DeliveryStatus.UNDELIVERED).withChannel(Channel.SMS)
                        .createdFrom(lastDay), Optional.empty(), 50)));
        cases.add(new Case("list", "sid=<a whole SID>",
                () -> messages.list(Actors.PLATFORM, all.withSidPrefix(samples.sid.value()), Optional.empty(), 50)));
        cases.add(new Case("list", "sid=<SID prefix, 6 characters>",
                () -> messages.list(Actors.PLATFORM, all.withSidPrefix(samples.sid.value().substring(0, 6)), Optional.empty(), 50)));
        cases.add(new Case("list", "sid=<SID prefix, 3 characters>",
                () -> messages.list(Actors.PLATFORM, all.withSidPrefix(samples.sid.value().substring(0, 3)), Optional.empty(), 50)));
        cases.add(new Case("list", "small org (1%), newest 50",
                () -> messages.list(Actors.PLATFORM, MessageFilter.all(small), Optional.empty(), 50)));
        cases.add(new Case("timeline", "message with its 4 events",
                () -> messages.timeline(Actors.PLATFORM, big, samples.messageId, false)));
        cases.add(new Case("failures", "last day", () -> failures.failures(Actors.PLATFORM, big, new TimeRange(lastDay, DATA_END))));
        cases.add(new Case("failures", "last 31 days",
                () -> failures.failures(Actors.PLATFORM, big, new TimeRange(DATA_END.minus(Duration.ofDays(31)), DATA_END))));
        cases.add(new Case("statistics", "last day by hour",
                () -> statistics.statistics(Actors.PLATFORM, query(big, Duration.ofDays(1), StatisticsInterval.HOUR))));
        cases.add(new Case("statistics", "last 7 days by hour",
                () -> statistics.statistics(Actors.PLATFORM, query(big, Duration.ofDays(7), StatisticsInterval.HOUR))));
        cases.add(new Case("statistics", "last 31 days by hour",
                () -> statistics.statistics(Actors.PLATFORM, query(big, Duration.ofDays(31), StatisticsInterval.HOUR))));
        cases.add(new Case("statistics", "all 120 days by day",
                () -> statistics.statistics(Actors.PLATFORM, query(big, DATA_SPAN, StatisticsInterval.DAY))));
        cases.add(new Case("statistics", "small org (1%), 31 days by hour",
                () -> statistics.statistics(Actors.PLATFORM, query(small, Duration.ofDays(31), StatisticsInterval.HOUR))));

        int runs = Integer.parseInt(options.get("runs"));
        String label = options.get("label").isBlank() ? "" : "-" + options.get("label");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        Path plansDir = Path.of(options.get("plans-dir"));
        Files.createDirectories(plansDir);
        Path results = Path.of(options.get("results-dir"));
        Files.createDirectories(results);
        header(pool, runs);
        report.append("| query | API call | min ms | median ms | max ms | plan |\n|---|---|---:|---:|---:|---|\n");
        int number = 0;
        for (Case c : cases) {
            number++;
            c.call().run(); // warm-up, not counted
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                c.call().run();
                times.add((System.nanoTime() - start) / 1e6);
            }
            times.sort(Double::compare);
            String file = String.format(Locale.ROOT, "%02d-%s-%s.txt", number, c.group(),
                    c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
            writePlans(pool, recording, c, plansDir.resolve(file));
            String line = String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | [plan](%s) |%n", c.group(),
                    c.name(), times.get(0), times.get(times.size() / 2), times.get(times.size() - 1),
                    results.toAbsolutePath().relativize(plansDir.resolve(file).toAbsolutePath()));
            report.append(line);
            say(line.trim());
        }
        triggerCost(pool);
        Path out = results.resolve("queries-" + stamp + label + ".md");
        Files.writeString(out, report.toString());
        System.out.println(report);
        say("report written to " + out + ", plans to " + plansDir);
    }

    /**
     * What the statistics trigger adds to a status change: the same 100,000-row update with the
     * trigger and without it, each rolled back, three times each. One statement for many rows, so
     * this is the trigger's own cost per row, not a callback's transaction.
     */
    private void triggerCost(HikariDataSource pool) throws SQLException {
        boolean hasTrigger;
        try (Connection connection = pool.getConnection()) {
            hasTrigger = single(connection, "select count(*) from pg_trigger where tgname = 'messages_stats_update'").equals("1");
        }
        if (!hasTrigger) {
            return;
        }
        String update = "update messages set status = 'read', read_at = delivered_at + interval '1 minute'"
                + " where message_id between 5000001 and 5100000 and status = 'delivered'";
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        long rows = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 3; i++) {
                for (boolean trigger : new boolean[] {true, false}) {
                    if (!trigger) {
                        execute(connection, "alter table messages disable trigger messages_stats_update");
                    }
                    long start = System.nanoTime();
                    try (Statement statement = connection.createStatement()) {
                        rows = statement.executeUpdate(update);
                    }
                    (trigger ? with : without).add((System.nanoTime() - start) / 1e6);
                    connection.rollback();
                }
            }
            connection.setAutoCommit(true);
            // The rolled-back changes left dead rows where the next run's statistics look.
            execute(connection, "vacuum (analyze) message_stats_changes");
        }
        with.sort(Double::compare);
        without.sort(Double::compare);
        report.append(String.format(Locale.ROOT, "%nStatistics trigger: updating %d messages delivered → read took"
                + " %.0f ms with the trigger and %.0f ms without (medians of 3, rolled back): %.1f µs per status"
                + " change.%n", rows, with.get(1), without.get(1), (with.get(1) - without.get(1)) * 1000 / Math.max(1, rows)));
    }

    private static DeliveryStatistics.Query query(OrganizationId org, Duration back, StatisticsInterval interval) {
        return new DeliveryStatistics.Query(org, new TimeRange(DATA_END.minus(back), DATA_END), interval);
    }

    private void writePlans(HikariDataSource pool, RecordingDataSource recording, Case c, Path file) throws Exception {
        List<RecordingDataSource.Recorded> statements = recording.record(c.call());
        StringBuilder plans = new StringBuilder("-- " + c.group() + ": " + c.name() + "\n-- "
                + statements.size() + " statement(s), EXPLAIN (ANALYZE, BUFFERS) right after the timed runs\n");
        try (Connection connection = pool.getConnection()) {
            for (RecordingDataSource.Recorded statement : statements) {
                plans.append("\n").append(statement.sql().strip()).append("\n\n");
                for (String line : statement.explain(connection, "analyze, buffers")) {
                    plans.append(line).append("\n");
                }
            }
        }
        Files.writeString(file, plans.toString());
    }

    private void header(HikariDataSource pool, int runs) throws Exception {
        try (Connection connection = pool.getConnection()) {
            report.append("# Query benchmark ").append(Instant.now()).append("\n\n");
            report.append("| | |\n|---|---|\n");
            report.append("| data | ").append(single(connection, "select description from bench_dataset")).append(" |\n");
            report.append("| messages of org 1 / org 4 | ")
                    .append(single(connection, "select count(*) filter (where org_id = 1) || ' / ' || count(*) filter (where org_id = 4) from messages"))
                    .append(" |\n");
            report.append("| table + index size messages / log | ")
                    .append(single(connection, "select pg_size_pretty(pg_total_relation_size('messages')) || ' / ' "
                            + "|| pg_size_pretty(pg_total_relation_size('message_delivery_log'))")).append(" |\n");
            report.append("| settings | ").append(single(connection, """
                    select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                    where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
                                   'max_parallel_workers_per_gather', 'lc_collate', 'server_version')
                    """)).append(" |\n");
            report.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, load average before: ")
                    .append(Files.readString(Path.of("/proc/loadavg")).trim()).append(" |\n");
            report.append("| runs | 1 warm-up, then ").append(runs)
                    .append(" timed calls of the application service, each through JdbcMessageQueries on a pooled connection |\n\n");
        }
    }

    /** Values the cases need, read from the data: a cursor, recipients, a SID, a message. */
    private record Samples(MessageCursor midCursor, Address frequentRecipient, Address rareRecipient, String orderTag,
            MessageSid sid, MessageId messageId) {

        static Samples of(Connection connection) throws SQLException {
            String mid = single(connection, "select message_id || ' ' || created_at from messages where org_id = 1"
                    + " and created_at < '" + DATA_END.minus(Duration.ofDays(60)) + "' order by created_at desc, message_id desc limit 1");
            long id = Long.parseLong(mid.split(" ")[0]);
            Instant at = Instant.parse(single(connection, "select to_char(created_at at time zone 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from messages where message_id = " + id));
            String frequent = single(connection, "select to_address from messages where org_id = 1"
                    + " and to_address = '+3161' || lpad('0', 7, '0') limit 1");
            String rare = single(connection, "select to_address from messages where org_id = 1"
                    + " and to_address like '+3161199%' group by to_address having count(*) = 1 limit 1");
            String order = single(connection, "select tags->>'order' from messages where org_id = 1 and tags ? 'order'"
                    + " and created_at < '" + DATA_END.minus(Duration.ofDays(90)) + "' limit 1");
            String sid = single(connection, "select whatsapp_msg_sid from messages where org_id = 1 and "
                    + "whatsapp_msg_sid is not null and created_at > '" + DATA_END.minus(Duration.ofDays(50)) + "' limit 1");
            long messageId = Long.parseLong(single(connection, "select message_id from messages where org_id = 1"
                    + " and status = 'read' and created_at > '" + DATA_END.minus(Duration.ofDays(40)) + "' limit 1"));
            return new Samples(new MessageCursor(at, MessageId.of(id)), Address.sms(frequent), Address.sms(rare),
                    order, MessageSid.of(sid), MessageId.of(messageId));
        }
    }

    // --- small helpers ----------------------------------------------------------------------

    private static boolean exists(Connection connection, String table) throws SQLException {
        return single(connection, "select to_regclass('" + table + "') is not null").equals("t")
                || single(connection, "select to_regclass('" + table + "') is not null").equals("true");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for: " + sql);
            }
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    private static void say(String line) {
        System.err.println("[querybench " + LocalDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0) + "] " + line);
    }
}
