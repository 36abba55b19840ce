package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;

/** What asking the provider for one message's current state came to. A closed set: check each case with {@code instanceof}. */
public sealed interface PollResult {

    /**
     * The provider knows the message and reports it in this status. The status word is kept as the
     * provider gave it, so a word we do not know yet is recorded, not lost. {@code facts} holds what
     * the resource says beyond the status (segments, price, text), as far as the provider knows it yet.
     */
    record Found(String reportedStatus, DeliveryError error, MessageFacts facts) implements PollResult {
        public Found {
            DeliveryStatus.fromTwilio(reportedStatus);
            if (error == null) {
                throw new IllegalArgumentException("a found message's error must be DeliveryError.NONE when there is none");
            }
            if (facts == null) {
                throw new IllegalArgumentException("a found message's facts must be MessageFacts.NONE when none are known");
            }
        }

        public Found(String reportedStatus, DeliveryError error) {
            this(reportedStatus, error, MessageFacts.NONE);
        }

        public static Found of(DeliveryStatus status, DeliveryError error) {
            return new Found(status.wireName(), error);
        }

        public DeliveryStatus status() {
            return DeliveryStatus.fromTwilio(reportedStatus);
        }
    }

    /** The provider does not know this SID for this account (404). */
    record NotFound() implements PollResult {
    }

    /** The provider asks us to slow down (429): stop polling until later. */
    record RateLimited() implements PollResult {
    }

    /** Anything else: a provider error, no answer, a refused credential. Worth trying again later. */
    record Failed(String reason) implements PollResult {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failed poll needs a reason");
            }
        }
    }
}
