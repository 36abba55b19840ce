package dev.deliverytracker.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench against the benchmark's database: one custom script, the same clients as the service's
 * load, for a number of seconds. The peer and the ceiling of the callback phase and the reference of
 * the send path are all runs of this.
 */
final class Pgbench {

    /** What one run measured; {@code tps} counts transactions (a ceiling transaction holds many events). */
    record Run(double tps, String latencyMs, long failed, int clients, int seconds) {
    }

    private final String executable;
    private final String host;
    private final String port;
    private final String database;
    private final String user;
    private final String password;

    private Pgbench(String executable, String host, String port, String database, String user, String password) {
        this.executable = executable;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Empty when pgbench is switched off ({@code none}) or the JDBC URL does not name host and database. */
    static Optional<Pgbench> of(String executable, String jdbcUrl, String user, String password) {
        if ("none".equals(executable)) {
            return Optional.empty();
        }
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)").matcher(jdbcUrl);
        if (!url.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new Pgbench(executable, url.group(1), url.group(2) == null ? "5432" : url.group(2),
                url.group(3).isEmpty() ? "postgres" : url.group(3), user, password));
    }

    /**
     * Runs {@code script} with {@code -M prepared}; {@code variables} are passed with {@code -D}.
     *
     * @throws IOException when pgbench fails or prints no rate; the message holds its output
     */
    Run run(String script, Map<String, String> variables, int clients, int seconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile("tracker-pgbench", ".sql");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(executable, "-n", "-M", "prepared", "-c", Integer.toString(clients),
                    "-j", "2", "-T", Integer.toString(seconds), "-f", file.toString()));
            variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
            command.addAll(List.of("-h", host, "-p", port, "-U", user, database));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (exit != 0 || !tps.find()) {
                throw new IOException("pgbench failed (exit " + exit + "): " + String.join(" ", command) + "\n" + output);
            }
            Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
            Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
            return new Run(Double.parseDouble(tps.group(1)), latency.find() ? latency.group(1) : "n/a",
                    failed.find() ? Long.parseLong(failed.group(1)) : 0, clients, seconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * One callback's minimum SQL (its log row and its message's status). One event: one transaction per
     * callback on any seeded message, the seed's design. More: what the database can do when a commit and
     * its statements are shared, as the group commit shares them: one insert of all the events' log rows
     * and one update of all their messages, so the statement-level triggers run once per transaction as
     * they do for a group-commit batch. Each client keeps to its own slice of the messages
     * ({@code :slice} of them, from {@code :client_id}), so no two transactions wait for each other's row
     * locks, as the group commit's one writer never does either.
     */
    static String callbackScript(int events) {
        if (events == 1) {
            return """
                    \\set id0 random(:minid, :maxid)
                    BEGIN;
                    INSERT INTO message_delivery_log (org_id, message_id, provider_sid, status, source, provider_payload, dedupe_key, created_at)
                      VALUES (:org, :id0, 'SM00000000000000000000000000pgbench', 'delivered', 'callback', '{}',
                              md5(random()::text || clock_timestamp()::text), now());
                    UPDATE messages SET status = 'delivered', updated_at = now() WHERE message_id = :id0;
                    END;
                    """;
        }
        StringBuilder script = new StringBuilder("\\set r random(0, :slice - 1)\n");
        List<String> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            script.append("\\set id").append(i).append(" :minid + :client_id * :slice + (:r + ").append(i)
                    .append(") % :slice\n");
            rows.add("(:org, cast(:id" + i + " as bigint), 'SM00000000000000000000000000pgbench', 'delivered', 'callback', "
                    + "'{}', md5(random()::text || clock_timestamp()::text), now())");
            ids.add("(cast(:id" + i + " as bigint))");
        }
        return script.append("BEGIN;\n")
                .append("INSERT INTO message_delivery_log (org_id, message_id, provider_sid, status, source, provider_payload, dedupe_key, created_at) VALUES ")
                .append(String.join(", ", rows)).append(";\n")
                .append("UPDATE messages m SET status = 'delivered', updated_at = now() FROM (VALUES ")
                .append(String.join(", ", ids)).append(") AS v(id) WHERE m.message_id = v.id;\n")
                .append("END;\n").toString();
    }

    /**
     * What an accepted send writes, the statement of {@code PostgresOutbox}: the message and its place
     * in the outbox, one statement, one transaction, with a fresh idempotency key each time. The
     * messages it makes are due at once; the caller removes them from the outbox before the service
     * dispatches them (see {@code CallbackBenchmark}).
     */
    static String acceptScript() {
        return """
                with message as (
                    insert into messages (org_id, channel, to_address, from_address, body, tags, status, attempts,
                        idempotency_key, request_fingerprint, created_at, updated_at)
                    values (:org, 'sms', '+31600000000', '+15005550006', '%s',
                        '{}', 'pending', 0, md5(random()::text || clock_timestamp()::text), md5(random()::text), now(), now())
                    returning message_id, org_id)
                insert into message_outbox (message_id, org_id, due_at)
                select message_id, org_id, now() + interval '1 day' from message;
                """.formatted(ACCEPT_BODY);
    }

    /** The body of pgbench's accepted messages, by which they are found and removed after the run. */
    static final String ACCEPT_BODY = "pgbench accept: your parcel arrives today";
}
