package dev.deliverytracker.benchmark;

import dev.deliverytracker.benchmark.CallbackPlan.Callback;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load generator and verifier, run in its own JVM by bench/run.sh against a
 * running service (see docs/benchmarks.md). Phases, in order:
 * <ol>
 * <li>seed N messages by JDBC and sign their status callbacks;</li>
 * <li>fire the callbacks at C concurrency (warm-up, then the measured window), sampling the
 * service's CPU, RSS and heap;</li>
 * <li>verify the database against the answers;</li>
 * <li>pgbench with the equivalent one-event transaction, same clients and duration;</li>
 * <li>the send path: API accepts, then dispatches to the simulator until the outbox is empty;</li>
 * <li>print the report (markdown) and write it to the results directory.</li>
 * </ol>
 * Exit status: 0 when verification passed, 1 when it failed, 2 on a usage or set-up error.
 */
public final class CallbackBenchmark {

    private final Map<String, String> options;
    private final String baseUrl;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int messages;
    private final int concurrency;
    private final int durationSeconds;
    private final int warmupSeconds;
    private final long servicePid;
    private final ProcessProbe probe;
    private final HttpClient http;
    private final boolean rawClient;
    private final URI base;
    private final Map<String, String> report = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Targets targets = new Targets();
    private double callbackRate;
    private double callbackSeconds;

    private CallbackBenchmark(Map<String, String> options) {
        this.options = options;
        this.baseUrl = option("base-url", "http://localhost:18080");
        this.jdbcUrl = option("jdbc-url", "jdbc:postgresql://localhost:55433/postgres");
        this.dbUser = option("db-user", "postgres");
        this.dbPassword = option("db-password", "postgres");
        this.messages = Integer.parseInt(option("messages", "20000"));
        this.concurrency = Integer.parseInt(option("concurrency", "64"));
        this.durationSeconds = Integer.parseInt(option("duration", "60"));
        this.warmupSeconds = Integer.parseInt(option("warmup", "5"));
        this.servicePid = Long.parseLong(option("service-pid", "-1"));
        this.probe = new ProcessProbe(Long.parseLong(option("clk-tck", "100")));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.rawClient = "raw".equals(option("client", "jdk"));
        this.base = URI.create(baseUrl);
    }

    /** Workers for these requests: on the shared HttpClient, or one raw connection each. */
    private List<Thread> startWorkers(LoadRunner runner, String method, String path, String[][] headers,
            java.util.function.IntFunction<byte[]> bodies, long deadline) {
        URI uri = base.resolve(path);
        if (rawClient) {
            String hostHeader = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
            return runner.start(() -> new RawHttpConnection(base.getHost(), base.getPort() > 0 ? base.getPort() : 80,
                    i -> RawHttpConnection.request(method, path, hostHeader, headers(headers, i), bodies.apply(i))),
                    deadline);
        }
        return runner.start(http, i -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            for (String[] h : headers(headers, i)) {
                b.header(h[0], h[1]);
            }
            return b.method(method, HttpRequest.BodyPublishers.ofByteArray(bodies.apply(i))).build();
        }, deadline);
    }

    /** Headers whose value is null are per request: filled by {@link #perRequestHeader}. */
    private java.util.function.BiFunction<String, Integer, String> perRequestHeader = (name, i) -> null;

    private String[][] headers(String[][] fixed, int i) {
        String[][] h = new String[fixed.length][];
        for (int k = 0; k < fixed.length; k++) {
            h[k] = fixed[k][1] != null ? fixed[k] : new String[] {fixed[k][0], perRequestHeader.apply(fixed[k][0], i)};
        }
        return h;
    }

    private String option(String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: CallbackBenchmark --name value ... (see bench/run.sh); bad argument " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        boolean pass = new CallbackBenchmark(options).run();
        System.exit(pass ? 0 : 1);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

    private boolean run() throws Exception {
        TwilioSignature.selfCheck();
        if (options.containsKey("startup-seconds")) {
            report.put("service start to healthy (s)", option("startup-seconds", "?"));
        }
        long seed = Long.parseLong(option("seed", Long.toString(System.currentTimeMillis())));
        Random random = new Random(seed);
        String callbackUrl = baseUrl + option("webhook-path", "/twilio-status");
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            String synchronousCommit = scalar(db, "show synchronous_commit");
            String pgVersion = scalar(db, "show server_version");
            log("PostgreSQL %s, synchronous_commit = %s", pgVersion, synchronousCommit);
            if (!"on".equals(synchronousCommit)) {
                notes.add("synchronous_commit is '" + synchronousCommit + "', not 'on': commits are not durable, "
                        + "figures are not comparable with durable runs");
            }
            machine(pgVersion, synchronousCommit);

            long orgId = CallbackPlan.organizationOf(db, CallbackPlan.SIMULATOR_ACCOUNT);
            long t0 = System.nanoTime();
            List<CallbackPlan.Seeded> seeded = CallbackPlan.seed(db, orgId, messages, random);
            log("seeded %d messages for organization %d in %.1f s", seeded.size(), orgId, secondsSince(t0));
            t0 = System.nanoTime();
            CallbackPlan plan = CallbackPlan.build(orgId, seeded, callbackUrl, concurrency, random);
            log("signed %s in %.1f s", plan, secondsSince(t0));

            params(seed, plan);
            LoadRunner callbacks = fireCallbacks(plan, callbackUrl);

            log("verifying");
            Verifier.Result verification = Verifier.verify(db, plan, callbacks.status, callbacks.started());
            verification(verification);

            pgbench(db, orgId, seeded, (int) Math.max(5, Math.ceil(callbackSeconds)));

            int adopt = Integer.parseInt(option("adopt-messages", Integer.toString(Math.max(500, messages / 4))));
            boolean adoptionPassed = adopt == 0 || adoption(db, orgId, adopt, callbackUrl, random);
            int notify = Integer.parseInt(option("notify-messages", Integer.toString(Math.max(500, messages / 4))));
            boolean notificationsPassed = notify == 0 || notifications(db, orgId, notify, callbackUrl, random);

            if (!"0".equals(option("send-duration", "15"))) {
                sendPath(db);
                dispatchLatency(db);
            }
            String markdown = markdown(verification);
            System.out.println(markdown);
            Path dir = Path.of(option("results-dir", "bench/results"));
            Files.createDirectories(dir);
            Path file = dir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.writeString(file, markdown);
            log("report written to %s", file);
            return verification.pass() && adoptionPassed && notificationsPassed;
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Callbacks

    private record Snapshot(long nanos, int completed, long serviceCpuMs, long dbCpuMs, long generatorCpuMs,
            long[] machine) {
    }

    private Snapshot snapshot(LoadRunner runner, long postmaster) {
        return new Snapshot(System.nanoTime(), runner.completed(), servicePid > 0 ? probe.cpuMs(servicePid) : -1,
                postmaster > 0 ? probe.treeCpuMs(postmaster) : -1, probe.cpuMs(ProcessHandle.current().pid()),
                ProcessProbe.machineJiffies());
    }

    private LoadRunner fireCallbacks(CallbackPlan plan, String url) throws Exception {
        List<Callback> list = plan.callbacks;
        URI uri = URI.create(url);
        LoadRunner runner = new LoadRunner(concurrency, list.size());
        long postmaster = options.containsKey("db-data-dir") ? ProcessProbe.postmasterPid(Path.of(options.get("db-data-dir"))) : -1;
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        log("firing %d callbacks at %d concurrency: %d s warm-up, then up to %d s", list.size(), concurrency,
                warmupSeconds, durationSeconds);
        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long deadline = warmupEnd + TimeUnit.SECONDS.toNanos(durationSeconds);
        Snapshot s0 = snapshot(runner, postmaster);
        perRequestHeader = (name, i) -> list.get(i).signature();
        List<Thread> workers = startWorkers(runner, "POST", uri.getRawPath(), new String[][] {
                {"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", null},
                {"User-Agent", "TwilioProxy/1.1"}}, i -> list.get(i).body(), deadline);
        while (System.nanoTime() < warmupEnd && workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(5);
        }
        boolean warmedUp = workers.stream().anyMatch(Thread::isAlive) && warmupSeconds > 0;
        Snapshot a = warmedUp ? snapshot(runner, postmaster) : s0;
        double[] batchesBefore = warmedUp ? batches() : new double[] {0, 0};
        Connection counters = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        PostgresCounters countersBefore = PostgresCounters.read(counters);
        if (!warmedUp && warmupSeconds > 0) {
            notes.add("every callback was sent within the warm-up: figures include the warm-up");
        }
        long lastProgress = System.nanoTime();
        int lastCompleted = 0;
        for (int tick = 1; workers.stream().anyMatch(Thread::isAlive); tick++) {
            Thread.sleep(50);
            int done = runner.completed();
            if (tick % 40 == 0) {
                log("  %d / %d callbacks answered", done, list.size());
            }
            if (done != lastCompleted) {
                lastCompleted = done;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
                notes.add("callback phase stalled for 60 s; workers abandoned");
                break;
            }
        }
        Snapshot b = snapshot(runner, postmaster);
        double[] batchesAfter = batches();
        Thread.sleep(1_100); // every backend has flushed its table counters
        PostgresCounters countersAfter = PostgresCounters.read(counters);
        String shape = PostgresCounters.shape(counters);
        counters.close();
        sampler.stop();
        long end = runner.lastEnd() > 0 ? runner.lastEnd() : b.nanos();
        LoadRunner.Stats stats = runner.stats(a.nanos(), end);
        int inWindow = b.completed() - a.completed();
        callbackRate = stats.rate();
        callbackSeconds = stats.seconds();

        report.put("callbacks sent (all phases)", Integer.toString(runner.completed()));
        report.put("callbacks not sent (time ran out)", Integer.toString(list.size() - runner.started()));
        report.put("callback window (s)", fmt(stats.seconds()));
        report.put("callbacks in window", Integer.toString(stats.requests()));
        report.put("**callbacks/s**", fmt(stats.rate()));
        report.put("callbacks answered 200/s", fmt(stats.ok(200) / Math.max(1e-9, stats.seconds())));
        report.put("latency p50 / p90 / p99 / max (ms)", fmt(stats.percentileMs(50)) + " / " + fmt(stats.percentileMs(90))
                + " / **" + fmt(stats.percentileMs(99)) + "** / " + fmt(stats.maxMs()));
        report.put("latency mean (ms)", fmt(stats.meanMs()));
        targets.under(String.format(Locale.ROOT, "callback p99 at %d concurrent senders over %.0f s (the target: 60 s)",
                concurrency, stats.seconds()), stats.percentileMs(99), 50, " ms");
        double transactions = batchesAfter[0] - batchesBefore[0];
        report.put("group-commit transactions in window / callbacks per transaction (mean)", batchesAfter[0] < 0
                ? "unknown (no tracker.ingest.batch.size metric)"
                : fmt(transactions) + " / " + fmt((batchesAfter[1] - batchesBefore[1]) / Math.max(1, transactions)));
        report.put("PostgreSQL WAL per callback (bytes)", fmt((countersAfter.walBytes() - countersBefore.walBytes())
                / (double) Math.max(1, inWindow)));
        long updates = countersAfter.messageUpdates() - countersBefore.messageUpdates();
        report.put("messages updates in window / HOT (no index written)", updates + " / "
                + (countersAfter.messageHotUpdates() - countersBefore.messageHotUpdates()));
        report.put("indexes on messages (each written by a non-HOT update) / foreign keys and indexes of the log", shape);
        report.put("status codes (window)", codes(stats.codes()));
        report.put("status codes (all callbacks)", codes(runner.allCodes()));
        if (servicePid > 0) {
            long rssPeak = ProcessProbe.statusKb(servicePid, "VmHWM");
            report.put("service peak RSS (VmHWM, MiB, since start)", fmt(rssPeak / 1024.0));
            targets.under("service peak RSS with a 512 MiB heap (MiB)", rssPeak / 1024.0, 768, "");
            report.put("service RSS at end (MiB)", fmt(ProcessProbe.statusKb(servicePid, "VmRSS") / 1024.0));
            report.put("service CPU (ms per callback)", fmt((b.serviceCpuMs() - a.serviceCpuMs()) / (double) Math.max(1, inWindow)));
            report.put("service CPU (cores busy)", fmt((b.serviceCpuMs() - a.serviceCpuMs()) / ((b.nanos() - a.nanos()) / 1e6)));
        }
        if (postmaster > 0) {
            report.put("PostgreSQL CPU (ms per callback)", fmt((b.dbCpuMs() - a.dbCpuMs()) / (double) Math.max(1, inWindow)));
        }
        report.put("load generator CPU (ms per callback)", fmt((b.generatorCpuMs() - a.generatorCpuMs()) / (double) Math.max(1, inWindow)));
        long busy = b.machine()[0] - a.machine()[0];
        long total = b.machine()[1] - a.machine()[1];
        report.put("machine CPU busy (%)", total > 0 ? fmt(100.0 * busy / total) : "n/a");
        if (total > 0 && servicePid > 0) {
            double cores = Runtime.getRuntime().availableProcessors();
            double windowMs = (b.nanos() - a.nanos()) / 1e6;
            double ours = (b.serviceCpuMs() - a.serviceCpuMs()) + Math.max(0, b.dbCpuMs() - a.dbCpuMs())
                    + (b.generatorCpuMs() - a.generatorCpuMs());
            double other = cores * busy / total - ours / windowMs;
            report.put("CPU of everything else (cores)", fmt(Math.max(0, other)));
            if (other > 0.25) {
                notes.add(String.format(Locale.ROOT, "other processes (or an uncounted PostgreSQL) used %.2f cores during "
                        + "the window: the machine was not quiet, figures are low", other));
            }
        }
        report.put("service heap used max / committed max / max (MiB)", sampler.describe());
        return runner;
    }

    /** Samples the service's heap (actuator metrics) every half second while the callbacks run. */
    private final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private Thread thread;
        private double usedMax = -1;
        private double committedMax = -1;
        private double max = -1;

        void start() {
            thread = new Thread(this, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            max = metric("jvm.memory.max");
            while (running) {
                usedMax = Math.max(usedMax, metric("jvm.memory.used"));
                committedMax = Math.max(committedMax, metric("jvm.memory.committed"));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String describe() {
            return fmt(usedMax / 1048576) + " / " + fmt(committedMax / 1048576) + " / " + fmt(max / 1048576);
        }
    }

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([-0-9.Ee+]+)");

    /** A heap metric from /actuator/metrics, bytes; -1 when unavailable. */
    private double metric(String name) {
        String body = actuatorMetric(name + "?tag=area:heap");
        Matcher m = body == null ? null : VALUE.matcher(body);
        return m != null && m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static final Pattern STATISTIC = Pattern.compile(
            "\\{\"statistic\"\\s*:\\s*\"(COUNT|TOTAL)\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.Ee+]+)\\}");

    /** The group commit's transactions so far and the callbacks they held: {count, total}, or -1s. */
    private double[] batches() {
        double[] countAndTotal = {-1, -1};
        String body = actuatorMetric("tracker.ingest.batch.size");
        Matcher m = STATISTIC.matcher(body == null ? "" : body);
        while (m.find()) {
            countAndTotal["COUNT".equals(m.group(1)) ? 0 : 1] = Double.parseDouble(m.group(2));
        }
        return countAndTotal;
    }

    /** The body of /actuator/metrics/{@code nameAndQuery}, or null when the service does not answer it. */
    private String actuatorMetric(String nameAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/actuator/metrics/" + nameAndQuery)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void verification(Verifier.Result v) {
        report.put("distinct events answered 200", Integer.toString(v.distinctEventsAcked()));
        report.put("... stored exactly once", Integer.toString(v.ackedAndStored()));
        report.put("... **lost** (200 but not stored)", Integer.toString(v.lost()));
        report.put("events stored more than once", Integer.toString(v.storedMoreThanOnce()));
        report.put("events attached to the wrong message", Integer.toString(v.misattached()));
        report.put("events never answered 200: stored / not stored / never sent",
                v.notAckedButStored() + " / " + v.notAckedNotStored() + " / " + v.notSent());
        report.put("messages checked", Integer.toString(v.messagesChecked()));
        report.put("messages with a wrong status", Integer.toString(v.statusMismatches()));
        report.put("messages whose status comes from an event stored but not answered 200",
                Integer.toString(v.statusExplainedByUnackedEvent()));
        report.put("**verification**", v.pass() ? "**PASS**" : "**FAIL**");
        targets.exactly("callbacks answered 200 but not stored (lost)", v.lost(), 0);
        targets.exactly("messages with a wrong status", v.statusMismatches(), 0);
        if (!v.firstMismatches().isEmpty()) {
            log("first problems found:");
            v.firstMismatches().forEach(p -> log("  %s", p));
            notes.addAll(v.firstMismatches());
        }
        log("verification %s", v.pass() ? "PASS" : "FAIL");
    }

    // ----------------------------------------------------------------------------------------------
    // Adoption: callbacks for SIDs another application sent

    /**
     * Fires callbacks for {@code count} messages the service never saw (another application's, on the
     * same account), at the same concurrency, and checks that each SID became one adopted message in
     * its right status. No warm-up: the callback phase warmed the webhook, not the adoption path.
     */
    private boolean adoption(Connection db, long orgId, int count, String url, Random random) throws Exception {
        CallbackPlan plan = CallbackPlan.unknown(orgId, count, url, concurrency, random);
        List<Callback> list = plan.callbacks;
        log("adoption: firing %d callbacks for %d unknown SIDs at %d concurrency", list.size(), count, concurrency);
        LoadRunner runner = new LoadRunner(concurrency, list.size());
        perRequestHeader = (name, i) -> list.get(i).signature();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        List<Thread> workers = startWorkers(runner, "POST", URI.create(url).getRawPath(), new String[][] {
                {"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", null},
                {"User-Agent", "TwilioProxy/1.1"}}, i -> list.get(i).body(), deadline);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(durationSeconds + 60L));
        }
        long end = runner.lastEnd() > 0 ? runner.lastEnd() : System.nanoTime();
        LoadRunner.Stats stats = runner.stats(start, end);
        Verifier.Result v = Verifier.verify(db, plan, runner.status, runner.started());
        report.put("adoption: callbacks for unknown SIDs answered / sent", runner.completed() + " / " + list.size());
        report.put("adoption: **callbacks/s**", fmt(stats.rate()));
        report.put("adoption: callbacks/s ÷ known-SID callbacks/s", callbackRate > 0
                ? "**" + fmt(stats.rate() / callbackRate) + "**" : "n/a");
        if (callbackRate > 0) {
            targets.reported("callbacks for unknown SIDs (adopted) ÷ known-SID callbacks/s", stats.rate() / callbackRate);
        }
        report.put("adoption: latency p50 / p99 (ms)", fmt(stats.percentileMs(50)) + " / " + fmt(stats.percentileMs(99)));
        report.put("adoption: messages adopted and checked / with a wrong status", v.messagesChecked() + " / "
                + v.statusMismatches());
        report.put("adoption: events lost / stored twice / attached to the wrong message", v.lost() + " / "
                + v.storedMoreThanOnce() + " / " + v.misattached());
        report.put("adoption: status codes", codes(runner.allCodes()));
        report.put("**adoption verification**", v.pass() ? "**PASS**" : "**FAIL**");
        if (!v.firstMismatches().isEmpty()) {
            v.firstMismatches().forEach(problem -> log("  adoption: %s", problem));
            notes.addAll(v.firstMismatches());
        }
        log("adoption: %.0f callbacks/s, verification %s", stats.rate(), v.pass() ? "PASS" : "FAIL");
        return v.pass();
    }

    // ----------------------------------------------------------------------------------------------
    // Notifications: the same callbacks with one subscription receiving every change

    private static final Pattern EVENT_TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    /**
     * Seeds {@code count} more messages, subscribes a receiver in this JVM (loopback, plain HTTP: the
     * service runs with {@code tracker.notifications.allow-http-loopback}) to every change, fires their
     * callbacks at the same concurrency and waits until every change was received. Reports the
     * callback rate beside the main phase's, and the lag from a change's commit time to its receipt.
     */
    private boolean notifications(Connection db, long orgId, int count, String url, Random random) throws Exception {
        String apiKey = option("api-key", "");
        if (apiKey.isBlank()) {
            report.put("notifications", "skipped: no --api-key");
            return true;
        }
        Map<String, Long> lagByEvent = new ConcurrentHashMap<>();
        AtomicInteger posts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.currentTimeMillis();
            posts.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            Matcher at = EVENT_TIMESTAMP.matcher(new String(body, StandardCharsets.UTF_8));
            if (id != null && at.find()) {
                lagByEvent.putIfAbsent(id, now - Instant.parse(at.group(1)).toEpochMilli());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ExecutorService receiving = Executors.newFixedThreadPool(16);
        receiver.setExecutor(receiving);
        receiver.start();
        List<CallbackPlan.Seeded> seeded = CallbackPlan.seed(db, orgId, count, random);
        Long[] ids = seeded.stream().map(CallbackPlan.Seeded::id).toArray(Long[]::new);
        long changesBefore = changes(db, ids);
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/notification-subscriptions"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\",\"scope\":\"every_status\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (subscribed.statusCode() != 201) {
            receiver.stop(0);
            receiving.shutdownNow();
            notes.add("notifications: the subscription was refused (" + subscribed.statusCode() + "): "
                    + subscribed.body());
            report.put("**notification verification**", "**FAIL** (no subscription)");
            return false;
        }
        String subscription = subscribed.headers().firstValue("Location").orElse("");
        try {
            CallbackPlan plan = CallbackPlan.build(orgId, seeded, url, concurrency, random);
            List<Callback> list = plan.callbacks;
            log("notifications: firing %d callbacks for %d messages with one subscription receiving every change",
                    list.size(), count);
            LoadRunner runner = new LoadRunner(concurrency, list.size());
            perRequestHeader = (name, i) -> list.get(i).signature();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(durationSeconds);
            List<Thread> workers = startWorkers(runner, "POST", URI.create(url).getRawPath(), new String[][] {
                    {"Content-Type", "application/x-www-form-urlencoded"}, {"X-Twilio-Signature", null},
                    {"User-Agent", "TwilioProxy/1.1"}}, i -> list.get(i).body(), deadline);
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(durationSeconds + 60L));
            }
            long end = runner.lastEnd() > 0 ? runner.lastEnd() : System.nanoTime();
            LoadRunner.Stats stats = runner.stats(start, end);
            long expected = changes(db, ids) - changesBefore;
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lagByEvent.size() < expected && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            double drained = (System.nanoTime() - end) / 1e9;
            Verifier.Result v = Verifier.verify(db, plan, runner.status, runner.started());
            long[] lags = lagByEvent.values().stream().mapToLong(Long::longValue).sorted().toArray();
            report.put("notifications: **callbacks/s** with one subscription", fmt(stats.rate()));
            report.put("notifications: callbacks/s ÷ main phase callbacks/s (target ≥ 0.85)", callbackRate > 0
                    ? "**" + fmt(stats.rate() / callbackRate) + "**" : "n/a");
            if (callbackRate > 0) {
                targets.atLeast("callbacks/s with one subscription receiving every change ÷ without", stats.rate() / callbackRate, 0.85);
            }
            report.put("notifications: status changes / events received once / posts", expected + " / "
                    + lagByEvent.size() + " / " + posts.get());
            report.put("notifications: lag p50 / p90 / p99 / max (ms)", lags.length == 0 ? "n/a"
                    : lags[lags.length / 2] + " / " + lags[(int) (lags.length * 0.9)] + " / "
                            + lags[(int) Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] + " / "
                            + lags[lags.length - 1]);
            report.put("notifications: last event received after the last callback (s)", fmt(drained));
            boolean pass = v.pass() && lagByEvent.size() >= expected;
            report.put("**notification verification**", pass ? "**PASS**" : "**FAIL**");
            if (lagByEvent.size() < expected) {
                notes.add("notifications: " + (expected - lagByEvent.size()) + " of " + expected
                        + " changes not received within 120 s of the last callback");
            }
            log("notifications: %.0f callbacks/s, %d of %d changes received, %s", stats.rate(), lagByEvent.size(),
                    expected, pass ? "PASS" : "FAIL");
            return pass;
        } finally {
            if (!subscription.isEmpty()) {
                http.send(HttpRequest.newBuilder(base.resolve(subscription)).header("Authorization", "Bearer " + apiKey)
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            receiver.stop(0);
            receiving.shutdownNow();
        }
    }

    /** How many status changes these messages have had (the service counts them per message). */
    private static long changes(Connection db, Long[] ids) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "select coalesce(sum(notification_sequence), 0) from messages where message_id = any(?)")) {
            st.setArray(1, db.createArrayOf("bigint", ids));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------
    // pgbench

    private void pgbench(Connection db, long orgId, List<CallbackPlan.Seeded> seeded, int seconds) throws Exception {
        Optional<Pgbench> pgbench = Pgbench.of(option("pgbench", "pgbench"), jdbcUrl, dbUser, dbPassword);
        if (pgbench.isEmpty() || seeded.isEmpty()) {
            report.put("pgbench", "skipped");
            targets.notMeasured("callbacks/s ÷ pgbench one-event tps (the peer)", "≥ 2.00", "pgbench skipped");
            return;
        }
        long minId = seeded.stream().mapToLong(CallbackPlan.Seeded::id).min().getAsLong();
        long maxId = seeded.stream().mapToLong(CallbackPlan.Seeded::id).max().getAsLong();
        Map<String, String> variables = Map.of("org", Long.toString(orgId), "minid", Long.toString(minId),
                "maxid", Long.toString(maxId), "slice", Long.toString(Math.max(1, (maxId - minId + 1) / concurrency)));
        log("pgbench: one event per transaction, %d clients, %d s", concurrency, seconds);
        Pgbench.Run peer = pgbench.get().run(Pgbench.callbackScript(1), variables, concurrency, seconds);
        report.put("pgbench clients / threads / seconds", concurrency + " / 2 / " + seconds);
        report.put("**pgbench one-event tps**", fmt(peer.tps()));
        report.put("pgbench latency average (ms)", peer.latencyMs());
        report.put("pgbench failed transactions", Long.toString(peer.failed()));
        report.put("**service callbacks/s ÷ pgbench tps**", String.format(Locale.ROOT, "%.2f", callbackRate / peer.tps()));
        targets.atLeast("callbacks/s ÷ pgbench one-event tps (the peer)", callbackRate / peer.tps(), 2.0);

        log("pgbench: %d events per transaction, %d clients, %d s", CEILING_EVENTS, concurrency, seconds);
        Pgbench.Run ceiling = pgbench.get().run(Pgbench.callbackScript(CEILING_EVENTS), variables, concurrency, seconds);
        double ceilingEvents = ceiling.tps() * CEILING_EVENTS;
        report.put("pgbench " + CEILING_EVENTS + " events per transaction: tps / events/s / latency average (ms) / failed",
                fmt(ceiling.tps()) + " / **" + fmt(ceilingEvents) + "** / " + ceiling.latencyMs() + " / " + ceiling.failed());
        report.put("**service callbacks/s ÷ pgbench events/s at " + CEILING_EVENTS + " per transaction**",
                String.format(Locale.ROOT, "%.2f", callbackRate / ceilingEvents));
        targets.atLeast("callbacks/s ÷ pgbench events/s at " + CEILING_EVENTS + " events per transaction (the ceiling)",
                callbackRate / ceilingEvents, 0.4);
    }

    /** Events per transaction of the ceiling's pgbench: what a full group commit could share. */
    private static final int CEILING_EVENTS = 64;

    // ----------------------------------------------------------------------------------------------
    // Send path

    private void sendPath(Connection db) throws Exception {
        String apiKey = option("api-key", "");
        if (apiKey.isBlank()) {
            report.put("send path", "skipped: no --api-key");
            return;
        }
        int sendSeconds = Integer.parseInt(option("send-duration", "15"));
        int sendMessages = Integer.parseInt(option("send-messages", "0"));
        int dispatchTimeout = Integer.parseInt(option("dispatch-timeout", "180"));
        int warmupSeconds = Integer.parseInt(option("send-warmup", "0"));
        long postmaster = options.containsKey("db-data-dir") ? ProcessProbe.postmasterPid(Path.of(options.get("db-data-dir"))) : -1;
        if (warmupSeconds > 0) {
            // The callback phase compiled the webhook's code, not the API's or the dispatcher's. On this
            // machine the JIT compiler was still busy two minutes in, warm-up or not (docs/benchmarks.md),
            // so it is off by default and its CPU is reported instead.
            log("send path warm-up: POST /api/v1/messages at %d concurrency for %d s, then until the outbox is empty",
                    concurrency, warmupSeconds);
            LoadRunner.join(apiLoad(new LoadRunner(concurrency, 2_000_000), apiKey, "warm-" + Long.toString(
                    System.currentTimeMillis(), 36), System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(dispatchTimeout);
            while (Long.parseLong(scalar(db, "select count(*) from message_outbox")) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        int capacity = sendMessages > 0 ? sendMessages : 2_000_000;
        LoadRunner runner = new LoadRunner(concurrency, capacity);
        log("send path: POST /api/v1/messages at %d concurrency for %d s%s", concurrency, sendSeconds,
                sendMessages > 0 ? " or " + sendMessages + " messages" : "");
        SendCpu beforeLoad = sendCpu(postmaster);
        long start = System.nanoTime();
        List<Thread> workers = apiLoad(runner, apiKey, run, start + TimeUnit.SECONDS.toNanos(sendSeconds));
        LoadRunner.join(workers);
        SendCpu afterLoad = sendCpu(postmaster);
        long acceptEnd = runner.lastEnd();
        LoadRunner.Stats stats = runner.stats(start, acceptEnd);
        int accepted = stats.ok(202);
        long outboxAtEnd = Long.parseLong(scalar(db, "select count(*) from message_outbox"));
        long created = Long.parseLong(scalar(db, "select count(*) from messages where idempotency_key like 'bench-" + run + "-%'"));
        report.put("messages the API created", Long.toString(created));
        report.put("API requests", Integer.toString(stats.requests()));
        report.put("API status codes", codes(stats.codes()));
        report.put("**API accepts/s** (202)", fmt(accepted / stats.seconds()));
        report.put("API latency p50 / p99 / max (ms)", fmt(stats.percentileMs(50)) + " / **" + fmt(stats.percentileMs(99))
                + "** / " + fmt(stats.maxMs()));
        long third = (acceptEnd - start) / 3;
        double firstThird = runner.answeredStartedBetween(start, start + third) / (third / 1e9);
        double lastThird = runner.answeredStartedBetween(acceptEnd - third, acceptEnd) / (third / 1e9);
        report.put("API requests/s in the first third / the last third of the load", fmt(firstThird) + " / " + fmt(lastThird));
        targets.under("API p99 at " + concurrency + " concurrent senders", stats.percentileMs(99), 100, " ms");
        targets.atLeast("API requests/s in the load's first third ÷ its last third (cold close to warm)",
                firstThird / lastThird, 0.8);
        report.put("outbox when the API load stopped", Long.toString(outboxAtEnd));
        report.put("API load: CPU per accept (ms): service / its JIT compiler / embedded simulator / PostgreSQL",
                afterLoad.minus(beforeLoad).per(accepted));

        log("waiting for the outbox to drain (%d left, up to %d s)", outboxAtEnd, dispatchTimeout);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(dispatchTimeout);
        long left = outboxAtEnd;
        long lastLog = System.nanoTime();
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = Long.parseLong(scalar(db, "select count(*) from message_outbox"));
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(5)) {
                log("  outbox: %d", left);
                lastLog = System.nanoTime();
            }
        }
        long drained = System.nanoTime();
        SendCpu afterDrain = sendCpu(postmaster);
        long dispatched = accepted - left;
        double total = (drained - start) / 1e9;
        double drain = (drained - acceptEnd) / 1e9;
        report.put("**dispatched/s** (accepted ÷ time from first request to empty outbox)", fmt(dispatched / total));
        report.put("dispatched/s after the API load stopped", outboxAtEnd == 0 ? "n/a (outbox already empty)"
                : fmt((outboxAtEnd - left) / drain));
        report.put("after the API load: CPU per dispatched message (ms): service / its JIT compiler / "
                + "embedded simulator / PostgreSQL", afterDrain.minus(afterLoad).per(outboxAtEnd - left));
        report.put("outbox left after " + dispatchTimeout + " s", Long.toString(left));
        Map<String, Long> statuses = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "select status, count(*) from messages where idempotency_key like 'bench-" + run + "-%' group by status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getLong(2));
            }
        }
        report.put("sent messages by status now", statuses.toString());
        if (left > 0) {
            notes.add("the outbox did not drain within " + dispatchTimeout + " s (" + left + " left)");
        }
        acceptPeer(db, accepted / stats.seconds(), sendSeconds);
    }

    /** pgbench writing what an accept writes, at the same concurrency for as long as the API load ran. */
    private void acceptPeer(Connection db, double acceptRate, int seconds) throws Exception {
        Optional<Pgbench> pgbench = Pgbench.of(option("pgbench", "pgbench"), jdbcUrl, dbUser, dbPassword);
        if (pgbench.isEmpty()) {
            targets.notMeasured("API accepts/s ÷ pgbench accept-statement tps", "≥ 0.50", "pgbench skipped");
            return;
        }
        long orgId = CallbackPlan.organizationOf(db, CallbackPlan.SIMULATOR_ACCOUNT);
        log("pgbench: the accept's statement, %d clients, %d s", concurrency, seconds);
        Pgbench.Run run = pgbench.get().run(Pgbench.acceptScript(), Map.of("org", Long.toString(orgId)), concurrency,
                Math.max(5, seconds));
        // Not for the dispatcher: they were due in a day, and go now.
        try (Statement st = db.createStatement()) {
            st.executeUpdate("delete from message_outbox where message_id in (select message_id from messages where body = '"
                    + Pgbench.ACCEPT_BODY + "')");
        }
        report.put("pgbench accept statement: tps / latency average (ms) / failed", "**" + fmt(run.tps()) + "** / "
                + run.latencyMs() + " / " + run.failed());
        report.put("**API accepts/s ÷ pgbench accept tps**", String.format(Locale.ROOT, "%.2f", acceptRate / run.tps()));
        targets.atLeast("API accepts/s ÷ pgbench accept-statement tps", acceptRate / run.tps(), 0.5);
    }

    // ----------------------------------------------------------------------------------------------
    // Dispatch against a slow Twilio

    /**
     * Dispatch rate with the simulator answering creates at once, then after {@code createDelayMs}
     * (Twilio takes 100 to 300 ms): each time a backlog of messages written straight into the outbox,
     * timed until the outbox is empty. Concurrency is what should hide the wait.
     */
    private void dispatchLatency(Connection db) throws Exception {
        String simulator = option("simulator-url", "");
        int count = Integer.parseInt(option("dispatch-messages", "3000"));
        long delay = Long.parseLong(option("create-delay-ms", "200"));
        if (simulator.isBlank() || count <= 0) {
            targets.notMeasured("dispatched/s with creates answered after " + delay + " ms ÷ at once", "≥ 0.80",
                    "no --simulator-url (an external Twilio) or --dispatch-messages 0");
            return;
        }
        long orgId = CallbackPlan.organizationOf(db, CallbackPlan.SIMULATOR_ACCOUNT);
        try {
            simulatorCreateDelay(simulator, 0);
        } catch (IOException unreachable) {
            // A jar from before tracker.simulator.port binds its simulator elsewhere.
            targets.notMeasured("dispatched/s with creates answered after " + delay + " ms ÷ at once", "≥ 0.80",
                    "the simulator's control API did not answer at " + simulator);
            return;
        }
        double atOnce = dispatchRate(db, orgId, simulator, 0, count);
        double delayed = dispatchRate(db, orgId, simulator, delay, count);
        simulatorCreateDelay(simulator, 0);
        report.put("dispatch: messages per backlog / dispatched/s with creates answered at once / after " + delay + " ms",
                count + " / " + fmt(atOnce) + " / " + fmt(delayed));
        report.put("**dispatch: after " + delay + " ms ÷ at once**", String.format(Locale.ROOT, "%.2f", delayed / atOnce));
        targets.atLeast("dispatched/s with creates answered after " + delay + " ms ÷ at once", delayed / atOnce, 0.8);
    }

    private double dispatchRate(Connection db, long orgId, String simulator, long delayMs, int count) throws Exception {
        simulatorCreateDelay(simulator, delayMs);
        String body = "dispatch backlog, creates answered after " + delayMs + " ms";
        try (PreparedStatement insert = db.prepareStatement("""
                with message as (
                    insert into messages (org_id, channel, to_address, from_address, body, tags, status, attempts,
                        idempotency_key, request_fingerprint, created_at, updated_at)
                    select ?, 'sms', '+3161' || lpad(n::text, 7, '0'), '+15005550006', ?, '{}', 'pending', 0,
                        md5(random()::text || n), md5(n::text), now(), now()
                    from generate_series(1, ?) n
                    returning message_id, org_id)
                insert into message_outbox (message_id, org_id, due_at)
                select message_id, org_id, now() from message
                """)) {
            insert.setLong(1, orgId);
            insert.setString(2, body);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(Integer.parseInt(option("dispatch-timeout", "180")));
        String left = "select count(*) from message_outbox o join messages m using (message_id) where m.body = '" + body + "'";
        long remaining = count;
        while (remaining > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            remaining = Long.parseLong(scalar(db, left));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("dispatch with creates answered after %d ms: %d messages in %.1f s (%d left)", delayMs, count, seconds, remaining);
        if (remaining > 0) {
            notes.add("dispatch backlog at " + delayMs + " ms did not drain (" + remaining + " left)");
        }
        return (count - remaining) / seconds;
    }

    private void simulatorCreateDelay(String simulator, long delayMs) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(simulator + "/simulator/behaviour"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"createDelayMs\":" + delayMs + "}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the simulator refused the create delay: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Workers that send messages through the API until {@code endNanos}; their idempotency keys start with {@code run}. */
    private List<Thread> apiLoad(LoadRunner runner, String apiKey, String run, long endNanos) {
        perRequestHeader = (name, i) -> "bench-" + run + "-" + i;
        return startWorkers(runner, "POST", "/api/v1/messages", new String[][] {
                {"Authorization", "Bearer " + apiKey}, {"Content-Type", "application/json"}, {"Idempotency-Key", null}},
                i -> String.format(Locale.ROOT,
                        "{\"channel\":\"%s\",\"to\":\"+316%08d\",\"body\":\"Benchmark send %d: your parcel arrives today\"}",
                        i % 2 == 0 ? "sms" : "whatsapp", i % 100_000_000, i).getBytes(StandardCharsets.UTF_8),
                endNanos);
    }

    /**
     * CPU of the send path's parts. The embedded simulator runs inside the service (it stands for
     * Twilio, whose CPU is not ours), so its threads are counted apart: its HTTP server
     * (HTTP-Dispatcher, twilio-sim-http), its callback posters (twilio-sim-post, twilio-sim-callback, the JDK client's
     * HttpClient-N threads; the alert notifier's client is the only other one, idle here, as bench/run.sh
     * switches alerts off) and its scheduler. The JIT compilers' threads are counted apart too: a run
     * that starts right after the callbacks still compiles the send path's code.
     */
    private record SendCpu(long serviceMs, long simulatorMs, long jitMs, long databaseMs) {

        SendCpu minus(SendCpu earlier) {
            return new SendCpu(serviceMs - earlier.serviceMs, simulatorMs - earlier.simulatorMs, jitMs - earlier.jitMs,
                    databaseMs - earlier.databaseMs);
        }

        String per(long count) {
            if (count <= 0 || serviceMs < 0 || simulatorMs < 0 || jitMs < 0) {
                return "n/a";
            }
            return fmt((serviceMs - simulatorMs - jitMs) / (double) count) + " / " + fmt(jitMs / (double) count) + " / "
                    + fmt(simulatorMs / (double) count) + " / "
                    + (databaseMs < 0 ? "n/a" : fmt(databaseMs / (double) count));
        }
    }

    private SendCpu sendCpu(long postmaster) {
        if (servicePid <= 0) {
            return new SendCpu(-1, -1, -1, -1);
        }
        return new SendCpu(probe.cpuMs(servicePid), probe.threadsCpuMs(servicePid, name -> name.startsWith("twilio-sim-")
                || name.startsWith("HttpClient-") || name.equals("HTTP-Dispatcher")),
                probe.threadsCpuMs(servicePid, name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")),
                postmaster > 0 ? probe.treeCpuMs(postmaster) : -1);
    }

    // ----------------------------------------------------------------------------------------------
    // Report

    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> params = new LinkedHashMap<>();

    private void machine(String pgVersion, String synchronousCommit) {
        machine.put("CPUs (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("CPU model", ProcessProbe.cpuModel());
        machine.put("memory (MiB)", Long.toString(ProcessProbe.memTotalMb()));
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("PostgreSQL", pgVersion + (options.containsKey("db-data-dir") ? " (embedded)" : " (" + jdbcUrl + ")"));
        machine.put("synchronous_commit", synchronousCommit);
        machine.put("commit", option("git-commit", "unknown"));
    }

    private void params(long seed, CallbackPlan plan) {
        params.put("messages seeded", Integer.toString(messages));
        params.put("callbacks planned", plan.callbacks.size() + " (" + plan.duplicates + " duplicates, "
                + plan.outOfOrderMessages + " messages out of order, " + plan.failing + " undelivered 30003, "
                + plan.unmatched + " unmatched SIDs)");
        params.put("concurrency", Integer.toString(concurrency));
        params.put("HTTP client", rawClient ? "raw (one keep-alive socket per worker)" : "java.net.http.HttpClient");
        params.put("warm-up / duration (s)", warmupSeconds + " / " + durationSeconds);
        params.put("send path warm-up / duration (s)", option("send-warmup", "0") + " / " + option("send-duration", "15"));
        params.put("seed", Long.toString(seed));
        params.put("service", option("service-command", "external"));
    }

    private String markdown(Verifier.Result verification) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append("\n\n");
        if (!targets.isEmpty()) {
            targets.appendTo(out);
        }
        table(out, "Machine", machine);
        table(out, "Parameters", params);
        table(out, "Figures", report);
        if (!notes.isEmpty()) {
            out.append("## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String title, Map<String, String> rows) {
        out.append("## ").append(title).append("\n\n| | |\n|---|---|\n");
        rows.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        out.append('\n');
    }

    // ----------------------------------------------------------------------------------------------

    private static String scalar(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static String fmt(double value) {
        if (Double.isNaN(value) || value < 0) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String codes(Map<Integer, Integer> codes) {
        StringBuilder s = new StringBuilder();
        codes.forEach((code, count) -> s.append(s.length() == 0 ? "" : ", ").append(code == 0 ? "no answer" : code)
                .append(": ").append(count));
        return s.length() == 0 ? "none" : s.toString();
    }
}
