package dev.deliverytracker.adapter.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for one username from one
 * address, that pair is refused until {@code lockout} has passed since the last failure. Keyed by
 * both, so a stranger guessing from elsewhere cannot lock a real operator out. Per instance: a
 * guesser spread over N instances gets N times the tries, still a handful per lockout.
 */
public final class SignInThrottle {

    /** More keys than this and the oldest failures are forgotten, so a spray of usernames cannot fill memory. */
    static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    /** Least recently touched first, so the oldest is forgotten when the map is full. */
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public SignInThrottle(int maxFailures, Duration lockout, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("sign-in throttle needs at least 1 allowed failure, was " + maxFailures);
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("sign-in lockout must be positive, was " + lockout);
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long this username from this address must still wait, if it must. */
    public synchronized Optional<Duration> refusedFor(String username, String address) {
        Failures seen = failures.get(key(username, address));
        if (seen == null || seen.count() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.last().plus(lockout));
        if (left.isNegative() || left.isZero()) {
            failures.remove(key(username, address));
            return Optional.empty();
        }
        return Optional.of(left);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        failures.merge(key(username, address), new Failures(1, now), (old, one) -> {
            boolean expired = old.last().plus(lockout).isBefore(now);
            return new Failures(expired ? 1 : old.count() + 1, now);
        });
    }

    public synchronized void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "\n" + address;
    }

    private record Failures(int count, Instant last) {
    }
}
