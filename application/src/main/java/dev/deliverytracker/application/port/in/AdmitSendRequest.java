package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.SendLimit;
import java.time.Duration;

/**
 * Whether a request that makes Twilio traffic (a send, a retry) may go ahead now: each API key and
 * each organization has a send budget, shared by every instance of the service.
 */
public interface AdmitSendRequest {

    Admission admit(ApiCaller caller);

    /** The budget that ran out. */
    enum Budget {
        API_KEY("api-key"), ORGANIZATION("organization");

        private final String wireName;

        Budget(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    sealed interface Admission {
        /** Go ahead: a token of both budgets was taken. */
        record Admitted() implements Admission {
        }

        /** Nothing was taken; {@code budget} has a token again after {@code retryAfter}. */
        record OverBudget(Budget budget, SendLimit limit, Duration retryAfter) implements Admission {
        }
    }
}
