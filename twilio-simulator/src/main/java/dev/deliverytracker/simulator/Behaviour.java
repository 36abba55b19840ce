package dev.deliverytracker.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * How the simulator treats the messages created from now on. Immutable: change it with the
 * {@code with...} methods and hand it to {@link TwilioSimulator#behaviour(Behaviour)}, or PUT it as
 * JSON to {@code /simulator/behaviour}.
 *
 * @param defaultOutcome  outcome of a message no rule matches ({@code read}: SMS ends delivered,
 *                        WhatsApp ends read)
 * @param rules           first matching rule wins, checked before the random failure rate
 * @param failureRate     0..1: share of the other messages that end {@code failed} with failureCode
 * @param failureCode     Twilio error code of those random failures
 * @param minDelayMs      least wait before each status callback of a message
 * @param maxDelayMs      most wait before each status callback of a message
 * @param duplicateRate   0..1: chance that a callback is posted a second time, same parameters
 * @param outOfOrderRate  0..1: chance that a message's callbacks are posted shuffled
 * @param earlyCallback   post a message's first callback before its create response is written
 * @param priceDelayMs    how long after a message becomes final its price shows on its resource
 *                        (Twilio reports price later than status)
 * @param createDelayMs   how long a create waits before it is answered: Twilio's Messages API takes
 *                        roughly 100 to 300 ms, and a sender that waits on each answer in turn is
 *                        only as fast as that wait allows
 */
public record Behaviour(
        Outcome defaultOutcome,
        List<OutcomeRule> rules,
        double failureRate,
        int failureCode,
        long minDelayMs,
        long maxDelayMs,
        double duplicateRate,
        double outOfOrderRate,
        boolean earlyCallback,
        long priceDelayMs,
        long createDelayMs) {

    public Behaviour {
        if (defaultOutcome == null) {
            defaultOutcome = Outcome.read();
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
        requireRate("failureRate", failureRate);
        requireRate("duplicateRate", duplicateRate);
        requireRate("outOfOrderRate", outOfOrderRate);
        if (failureRate > 0 && failureCode <= 0) {
            throw new IllegalArgumentException("failureCode must be a Twilio error code when failureRate > 0, got " + failureCode);
        }
        if (priceDelayMs < 0) {
            throw new IllegalArgumentException("priceDelayMs must be 0 or more, got " + priceDelayMs);
        }
        if (createDelayMs < 0 || createDelayMs > 60_000) {
            throw new IllegalArgumentException("createDelayMs must be 0 to 60000, got " + createDelayMs);
        }
        if (minDelayMs < 0 || maxDelayMs < minDelayMs) {
            throw new IllegalArgumentException("delays must satisfy 0 <= minDelayMs <= maxDelayMs, got "
                    + minDelayMs + ".." + maxDelayMs);
        }
    }

    /** Everything delivered (WhatsApp read), 100–500 ms between callbacks, creates answered at once, no chaos. */
    public static Behaviour defaults() {
        return new Behaviour(Outcome.read(), List.of(), 0.0, 30008, 100, 500, 0.0, 0.0, false, 1000, 0);
    }

    public Behaviour withDefaultOutcome(Outcome outcome) {
        return new Behaviour(outcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    /** Adds a rule after the existing ones. */
    public Behaviour withRule(String toPattern, Outcome outcome) {
        List<OutcomeRule> more = new ArrayList<>(rules);
        more.add(new OutcomeRule(toPattern, outcome));
        return new Behaviour(defaultOutcome, more, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withoutRules() {
        return new Behaviour(defaultOutcome, List.of(), failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withFailureRate(double rate, int code) {
        return new Behaviour(defaultOutcome, rules, rate, code, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withDelays(long minMs, long maxMs) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minMs, maxMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withDuplicateRate(double rate) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, rate, outOfOrderRate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withOutOfOrderRate(double rate) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, rate, earlyCallback, priceDelayMs, createDelayMs);
    }

    public Behaviour withEarlyCallback(boolean early) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, early, priceDelayMs, createDelayMs);
    }

    public Behaviour withPriceDelay(long ms) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, ms, createDelayMs);
    }

    public Behaviour withCreateDelay(long ms) {
        return new Behaviour(defaultOutcome, rules, failureRate, failureCode, minDelayMs, maxDelayMs, duplicateRate, outOfOrderRate, earlyCallback, priceDelayMs, ms);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
    }
}
