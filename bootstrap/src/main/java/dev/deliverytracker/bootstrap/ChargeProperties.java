package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.service.ChargePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Learning what delivery cost: after the reconciler's run, in what it left of its fetch budget, the
 * price and segments of final messages are asked of Twilio. Checked at start.
 *
 * @param enabled     whether the reconcile job also asks for prices
 * @param settleAfter how long after a message's final status the first question waits (Twilio prices
 *                    a message some time after it is done)
 * @param askEvery    the least time between two questions about one still unpriced message
 * @param horizon     how long after the final status a message is asked about; then its price stays unknown
 */
@ConfigurationProperties("tracker.charges")
public record ChargeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2m") Duration settleAfter,
        @DefaultValue("15m") Duration askEvery,
        @DefaultValue("24h") Duration horizon) {

    public ChargeProperties {
        if (settleAfter == null || settleAfter.isNegative()) {
            throw new IllegalArgumentException("tracker.charges.settle-after must be a duration of 0s or more, was "
                    + settleAfter);
        }
        if (askEvery == null || askEvery.isNegative()) {
            throw new IllegalArgumentException("tracker.charges.ask-every must be a duration of 0s or more, was "
                    + askEvery);
        }
        if (horizon == null || settleAfter == null || horizon.compareTo(settleAfter) <= 0) {
            throw new IllegalArgumentException("tracker.charges.horizon must be longer than tracker.charges.settle-after ("
                    + settleAfter + "), was " + horizon);
        }
    }

    ChargePolicy policy() {
        return new ChargePolicy(settleAfter, askEvery, horizon);
    }
}
