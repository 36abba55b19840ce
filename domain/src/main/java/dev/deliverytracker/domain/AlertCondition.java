package dev.deliverytracker.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * What an alert rule watches over a sliding window. Each kind judges the one observation it needs
 * and says why in a sentence, e.g. "failure rate 23% (46 of 200) in the last 15 min, above 10%".
 * Too little traffic to judge is clear: a quiet hour raises no alert.
 */
public sealed interface AlertCondition {

    Duration LONGEST_WINDOW = Duration.ofDays(7);

    /** The word the API and the database use: {@code failure_rate}, {@code error_burst}, ... */
    String kind();

    Duration window();

    /** The rule in one line, e.g. "failure rate above 10% over 15 min (at least 50 messages)". */
    String describe();

    /** Failed or undelivered messages among those sent or finished, above a fraction. */
    record FailureRate(Duration window, double threshold, int minimumVolume) implements AlertCondition {

        public FailureRate {
            requireWindow(window);
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be a fraction between 0 and 1 (0.1 for 10%), was "
                        + threshold);
            }
            requireAtLeastOne("minimumVolume", minimumVolume);
        }

        @Override
        public String kind() {
            return "failure_rate";
        }

        @Override
        public String describe() {
            return "failure rate above " + percent(threshold) + " over " + human(window) + " (at least "
                    + minimumVolume + " messages)";
        }

        public AlertVerdict evaluate(DeliveryObservation.FailureCounts counts) {
            if (counts.total() < minimumVolume) {
                return new AlertVerdict.Clear(counts.total() + " messages in the last " + human(window)
                        + ", fewer than the " + minimumVolume + " needed to judge the failure rate");
            }
            double rate = (double) counts.failed() / counts.total();
            String observed = "failure rate " + percent(rate) + " (" + counts.failed() + " of " + counts.total()
                    + ") in the last " + human(window);
            return rate > threshold ? new AlertVerdict.Firing(observed + ", above " + percent(threshold))
                    : new AlertVerdict.Clear(observed + ", at or below " + percent(threshold));
        }
    }

    /** At least a number of failures with one Twilio error code, e.g. carrier filtering 30007. */
    record ErrorBurst(int errorCode, Duration window, int minimumCount) implements AlertCondition {

        public ErrorBurst {
            if (errorCode <= 0) {
                throw new IllegalArgumentException("errorCode must be a positive Twilio error code, was " + errorCode);
            }
            requireWindow(window);
            requireAtLeastOne("minimumCount", minimumCount);
        }

        @Override
        public String kind() {
            return "error_burst";
        }

        @Override
        public String describe() {
            return "at least " + minimumCount + " failures with error " + errorCode + " over " + human(window);
        }

        public AlertVerdict evaluate(DeliveryObservation.ErrorCount observed) {
            String text = observed.count() + " failures with error " + errorCode + " (" + meaning()
                    + ") in the last " + human(window);
            return observed.count() >= minimumCount ? new AlertVerdict.Firing(text + ", at least " + minimumCount)
                    : new AlertVerdict.Clear(text + ", fewer than " + minimumCount);
        }

        private String meaning() {
            return TwilioError.byCode(errorCode).map(TwilioError::title).orElse("not in the catalogue");
        }
    }

    /** The 90th percentile of sent-to-delivered time above a threshold. */
    record SlowDelivery(Duration p90Threshold, Duration window, int minimumVolume) implements AlertCondition {

        public SlowDelivery {
            if (p90Threshold == null || p90Threshold.isNegative() || p90Threshold.isZero()) {
                throw new IllegalArgumentException("p90Threshold must be a positive duration, was " + p90Threshold);
            }
            requireWindow(window);
            requireAtLeastOne("minimumVolume", minimumVolume);
        }

        @Override
        public String kind() {
            return "slow_delivery";
        }

        @Override
        public String describe() {
            return "delivery p90 above " + human(p90Threshold) + " over " + human(window) + " (at least "
                    + minimumVolume + " delivered)";
        }

        public AlertVerdict evaluate(DeliveryObservation.Latency latency) {
            if (latency.delivered() < minimumVolume) {
                return new AlertVerdict.Clear(latency.delivered() + " messages delivered in the last " + human(window)
                        + ", fewer than the " + minimumVolume + " needed to judge delivery time");
            }
            String observed = "delivery p90 " + human(latency.p90()) + " (" + latency.delivered()
                    + " delivered) in the last " + human(window);
            return latency.p90().compareTo(p90Threshold) > 0
                    ? new AlertVerdict.Firing(observed + ", above " + human(p90Threshold))
                    : new AlertVerdict.Clear(observed + ", at or below " + human(p90Threshold));
        }
    }

    /** Twilio keeps accepting messages but no status callback arrives: a broken webhook URL or proxy. */
    record CallbacksStopped(Duration window, int minimumAccepted) implements AlertCondition {

        public CallbacksStopped {
            requireWindow(window);
            requireAtLeastOne("minimumAccepted", minimumAccepted);
        }

        @Override
        public String kind() {
            return "callbacks_stopped";
        }

        @Override
        public String describe() {
            return "no status callback over " + human(window) + " while at least " + minimumAccepted
                    + " messages were accepted by Twilio";
        }

        public AlertVerdict evaluate(DeliveryObservation.CallbackFlow flow) {
            String observed = flow.accepted() + " messages accepted by Twilio and " + flow.callbacks()
                    + " status callbacks in the last " + human(window);
            if (flow.callbacks() == 0 && flow.accepted() >= minimumAccepted) {
                return new AlertVerdict.Firing(observed + ": callbacks stopped arriving");
            }
            return new AlertVerdict.Clear(observed);
        }
    }

    /**
     * Callbacks arrive but the signature check refuses them, and none verifies: the public base URL,
     * the proxy's headers or a rotated auth token no longer match what Twilio signs. Statuses are
     * being kept in the quarantine instead of recorded until someone fixes it and replays them.
     */
    record CallbacksRefused(Duration window, int minimumRefused) implements AlertCondition {

        /** What the alert says first, so whoever reads it knows where to look. */
        public static final String HEADLINE = "callbacks are being refused: check the public base URL, proxy headers, "
                + "or a rotated auth token";

        public CallbacksRefused {
            requireWindow(window);
            requireAtLeastOne("minimumRefused", minimumRefused);
        }

        @Override
        public String kind() {
            return "callbacks_refused";
        }

        @Override
        public String describe() {
            return "at least " + minimumRefused + " refused status callbacks and none recorded over " + human(window);
        }

        public AlertVerdict evaluate(DeliveryObservation.CallbackRefusals observed) {
            String counts = observed.refused() + " status callbacks refused and " + observed.verified()
                    + " recorded in the last " + human(window);
            if (observed.verified() == 0 && observed.refused() >= minimumRefused) {
                return new AlertVerdict.Firing(HEADLINE + " (" + counts + ")");
            }
            return new AlertVerdict.Clear(counts);
        }
    }

    /** "15 min", "90 s", "2 h", "1 h 30 min", "250 ms". */
    static String human(Duration duration) {
        if (duration.isZero()) {
            return "0 s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0 && seconds < 60) {
            return BigDecimal.valueOf(duration.toMillis(), 3).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds >= 3600 ? seconds / 3600 + " h " + seconds % 3600 / 60 + " min" : seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /** "10%", "12.5%", "0.1%". */
    static String percent(double fraction) {
        BigDecimal percent = BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return percent.toPlainString().toLowerCase(Locale.ROOT) + "%";
    }

    private static void requireWindow(Duration window) {
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be between 1 s and 7 days, was "
                    + (window == null ? "nothing" : window.toString()));
        }
    }

    private static void requireAtLeastOne(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
    }
}
