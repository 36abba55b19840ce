package dev.deliverytracker.domain;

import java.time.Duration;

/**
 * What the store counted for one organization over one window, the facts an {@link AlertCondition}
 * judges. Each condition reads the one kind it needs.
 */
public sealed interface DeliveryObservation {

    /** Of the messages created in the window that Twilio sent or finished, how many failed. */
    record FailureCounts(long failed, long total) implements DeliveryObservation {
        public FailureCounts {
            if (failed < 0 || total < failed) {
                throw new IllegalArgumentException("failure counts need 0 <= failed <= total, were " + failed
                        + " of " + total);
            }
        }
    }

    /** How many messages failed with one error code in the window. */
    record ErrorCount(int errorCode, long count) implements DeliveryObservation {
        public ErrorCount {
            if (count < 0) {
                throw new IllegalArgumentException("error count must not be negative, was " + count);
            }
        }
    }

    /** How many messages created in the window were delivered, and the 90th percentile of how long that took. */
    record Latency(long delivered, Duration p90) implements DeliveryObservation {
        public Latency {
            if (delivered < 0 || p90 == null || p90.isNegative()) {
                throw new IllegalArgumentException("latency needs a count >= 0 and a p90 >= 0, was " + delivered
                        + " and " + p90);
            }
        }

        public static Latency none() {
            return new Latency(0, Duration.ZERO);
        }
    }

    /** How many messages Twilio accepted in the window, and how many status callbacks arrived in it. */
    record CallbackFlow(long accepted, long callbacks) implements DeliveryObservation {
        public CallbackFlow {
            if (accepted < 0 || callbacks < 0) {
                throw new IllegalArgumentException("callback flow counts must not be negative, were " + accepted
                        + " and " + callbacks);
            }
        }
    }

    /** How many status callbacks verified and were recorded in the window, and how many the signature check refused. */
    record CallbackRefusals(long verified, long refused) implements DeliveryObservation {
        public CallbackRefusals {
            if (verified < 0 || refused < 0) {
                throw new IllegalArgumentException("callback refusal counts must not be negative, were " + verified
                        + " and " + refused);
            }
        }
    }
}
