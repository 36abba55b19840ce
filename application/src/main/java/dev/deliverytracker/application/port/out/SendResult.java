package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageSid;

/** What one send attempt came to. A closed set: callers check each case with {@code instanceof}. */
public sealed interface SendResult {

    /** Twilio took the message under {@code sid}; {@code status} is the first one it answered (queued or accepted). */
    record Accepted(MessageSid sid, DeliveryStatus status) implements SendResult {
        public Accepted {
            if (sid == null || status == null) {
                throw new IllegalArgumentException("an accepted send needs Twilio's SID and status, was " + sid + ", " + status);
            }
        }
    }

    /** Twilio refused the message for good: sending it again unchanged cannot succeed. */
    record Rejected(DeliveryError error) implements SendResult {
        public Rejected {
            if (error == null || !error.isPresent()) {
                throw new IllegalArgumentException("a rejected send needs Twilio's error code");
            }
        }
    }

    /**
     * A later attempt may succeed: rate limited (429), a Twilio server error (5xx), no answer at all,
     * or a refusal whose code Twilio documents as passing with time. After a 5xx or no answer Twilio
     * may have stored the message all the same, so check before sending it again.
     *
     * @param reason     what happened, for the log and the delivery history
     * @param httpStatus the HTTP status Twilio answered, 0 when nothing answered
     * @param errorCode  Twilio's error code, 0 when there was none
     */
    record TransientFailure(String reason, int httpStatus, int errorCode) implements SendResult {
        public TransientFailure {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a transient failure needs a reason");
            }
            if (httpStatus < 0 || errorCode < 0) {
                throw new IllegalArgumentException("HTTP status and error code must be 0 or positive, were "
                        + httpStatus + " and " + errorCode);
            }
        }

        public boolean wasAnswered() {
            return httpStatus != 0;
        }
    }
}
