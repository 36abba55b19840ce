package dev.deliverytracker.simulator;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Start-up settings of a simulator. {@link #defaults()} suits tests (random port, fixed seed,
 * fast callbacks); {@link #fromEnvironment()} reads the stand-alone run's system properties and
 * environment variables.
 *
 * @param host          address to bind; loopback by default so nothing is reachable from outside
 * @param port          port to bind, 0 for a free one
 * @param accountSid    the account registered at start ({@code AC} + 32 hex)
 * @param authToken     its auth token: Basic auth password and the key of callback signatures
 * @param seed          seed of the one Random behind every chance, so a run can be replayed
 * @param serverThreads threads that serve HTTP requests (bounded pool)
 * @param retryBackoffMs wait before a callback retry
 * @param behaviour     behaviour at start and after {@link TwilioSimulator#reset()}
 * @param clock         time of messages and callbacks
 */
public record SimulatorSettings(
        String host,
        int port,
        String accountSid,
        String authToken,
        long seed,
        int serverThreads,
        long retryBackoffMs,
        Behaviour behaviour,
        Clock clock) {

    /** A fixed, obviously fake account, so the stand-alone docs can name it. */
    public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String DEFAULT_AUTH_TOKEN = "51mu1a70r0000000000000000000000a";
    public static final int DEFAULT_STANDALONE_PORT = 8099;

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");

    public SimulatorSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        requireAccountSid(accountSid);
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken is required");
        }
        if (serverThreads < 1 || serverThreads > 256) {
            throw new IllegalArgumentException("serverThreads must be 1..256, got " + serverThreads);
        }
        if (retryBackoffMs < 0) {
            throw new IllegalArgumentException("retryBackoffMs must be >= 0, got " + retryBackoffMs);
        }
        if (behaviour == null) {
            behaviour = Behaviour.defaults();
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
    }

    /** Loopback, random port, default account, seed 1, callbacks without delay. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, 1L, 8, 50,
                Behaviour.defaults().withDelays(0, 0), Clock.systemUTC());
    }

    /**
     * Reads {@code twilio.simulator.*} system properties, then {@code TWILIO_SIMULATOR_*}
     * environment variables, falling back to the stand-alone defaults (port 8099, realistic delays).
     */
    public static SimulatorSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty("twilio.simulator." + name);
            return property != null ? property : System.getenv("TWILIO_SIMULATOR_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        });
    }

    /** Same as {@link #fromEnvironment()} over a plain map of kebab-case names (for tests). */
    public static SimulatorSettings fromMap(Map<String, String> values) {
        return from(values::get);
    }

    private static SimulatorSettings from(Function<String, String> source) {
        Behaviour base = Behaviour.defaults();
        Behaviour behaviour = new Behaviour(
                Outcome.parse(text(source, "default-outcome", base.defaultOutcome().notation())),
                base.rules(),
                number(source, "failure-rate", base.failureRate()),
                (int) number(source, "failure-code", base.failureCode()),
                (long) number(source, "min-delay-ms", base.minDelayMs()),
                (long) number(source, "max-delay-ms", base.maxDelayMs()),
                number(source, "duplicate-rate", base.duplicateRate()),
                number(source, "out-of-order-rate", base.outOfOrderRate()),
                Boolean.parseBoolean(text(source, "early-callback", "false")),
                (long) number(source, "price-delay-ms", base.priceDelayMs()),
                (long) number(source, "create-delay-ms", base.createDelayMs()));
        return new SimulatorSettings(
                text(source, "host", "127.0.0.1"),
                (int) number(source, "port", DEFAULT_STANDALONE_PORT),
                text(source, "account-sid", DEFAULT_ACCOUNT_SID),
                text(source, "auth-token", DEFAULT_AUTH_TOKEN),
                seed(source),
                (int) number(source, "server-threads", 8),
                (long) number(source, "retry-backoff-ms", 200),
                behaviour,
                Clock.systemUTC());
    }

    static void requireAccountSid(String sid) {
        if (sid == null || !ACCOUNT_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("account SID must be AC followed by 32 lowercase hex digits, got '" + sid + "'");
        }
    }

    private static long seed(Function<String, String> source) {
        String value = text(source, "seed", null);
        try {
            return value == null ? System.nanoTime() : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting seed must be a whole number, got '" + value + "'", e);
        }
    }

    private static String text(Function<String, String> source, String name, String fallback) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static double number(Function<String, String> source, String name, double fallback) {
        String value = text(source, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be a number, got '" + value + "'", e);
        }
    }
}
