package dev.deliverytracker.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Twilio's connection overrides, read from the callback URL's fragment
 * ({@code #rc=3&rp=5xx,rt,ct&ct=3000&rt=10000&tt=15000}). Without a fragment Twilio retries
 * once, and only when the connection could not be made. Values out of Twilio's ranges are
 * clamped into them, as Twilio does not let a URL buy more than 15 s.
 *
 * @param connectTimeout ct: 100–10000 ms, default 5000
 * @param readTimeout    rt: 100–15000 ms, default 15000
 * @param totalTime      tt: all tries together, up to 15000 ms
 * @param retryCount     rc: 0–5, default 1
 * @param retryOn        rp: which failures are retried, default connection failures only
 */
record ConnectionOverrides(Duration connectTimeout, Duration readTimeout, Duration totalTime, int retryCount, Set<Failure> retryOn) {

    /** What went wrong with one try, in Twilio's retry-policy words. */
    enum Failure {
        /** {@code 4xx}: the receiver answered 4xx (429 is never retried, whatever the policy). */
        CLIENT_ERROR,
        /** {@code 5xx}. */
        SERVER_ERROR,
        /** {@code ct}: no connection. */
        CONNECT,
        /** {@code rt}: no answer in time. */
        READ_TIMEOUT
    }

    static final ConnectionOverrides DEFAULT = new ConnectionOverrides(
            Duration.ofMillis(5000), Duration.ofMillis(15000), Duration.ofMillis(15000), 1, EnumSet.of(Failure.CONNECT));

    static ConnectionOverrides fromUrl(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return DEFAULT;
        }
        long ct = DEFAULT.connectTimeout.toMillis();
        long rt = DEFAULT.readTimeout.toMillis();
        long tt = DEFAULT.totalTime.toMillis();
        int rc = DEFAULT.retryCount;
        Set<Failure> rp = EnumSet.copyOf(DEFAULT.retryOn);
        for (String pair : url.substring(hash + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "ct": ct = clamp(parse(value, ct), 100, 10_000); break;
                case "rt": rt = clamp(parse(value, rt), 100, 15_000); break;
                case "tt": tt = clamp(parse(value, tt), 100, 15_000); break;
                case "rc": rc = (int) clamp(parse(value, rc), 0, 5); break;
                case "rp": rp = policy(value); break;
                default: break; // sni and e (edge) change nothing on one machine
            }
        }
        return new ConnectionOverrides(Duration.ofMillis(ct), Duration.ofMillis(rt), Duration.ofMillis(tt), rc, rp);
    }

    boolean retries(Failure failure) {
        return retryOn.contains(failure);
    }

    private static Set<Failure> policy(String value) {
        Set<Failure> failures = EnumSet.noneOf(Failure.class);
        for (String word : value.toLowerCase(Locale.ROOT).split(",")) {
            switch (word.trim()) {
                case "4xx": failures.add(Failure.CLIENT_ERROR); break;
                case "5xx": failures.add(Failure.SERVER_ERROR); break;
                case "ct": failures.add(Failure.CONNECT); break;
                case "rt": failures.add(Failure.READ_TIMEOUT); break;
                case "all": failures.addAll(EnumSet.allOf(Failure.class)); break;
                default: break;
            }
        }
        return failures;
    }

    private static long parse(String value, long fallback) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
