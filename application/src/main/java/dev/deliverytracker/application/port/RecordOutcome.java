package dev.deliverytracker.application.port;

import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;

/** What became of one status callback. Every case but {@link Refused} and {@link NotTracked} means it is durably kept. */
public sealed interface RecordOutcome {

    /** A new event, attached to its message, whose status is now {@code current}. */
    record Recorded(MessageId messageId, MessageSid sid, DeliveryStatus reported, DeliveryStatus current)
            implements RecordOutcome {
    }

    /** The same event was already recorded; nothing changed. */
    record Duplicate(MessageSid sid, DeliveryStatus reported) implements RecordOutcome {
    }

    /** No message is known for this SID yet; the event is kept and attached when one is. */
    record Unmatched(MessageSid sid, DeliveryStatus reported) implements RecordOutcome {
    }

    /**
     * A message another application sent, which its organization does not track
     * ({@code AdoptionPolicy.REFUSE}): nothing was kept, and nothing needs to be retried.
     */
    record NotTracked(MessageSid sid, DeliveryStatus reported) implements RecordOutcome {
    }

    /**
     * The signature did not prove the callback came from Twilio; no event was recorded. {@code kept}
     * says whether it went into the quarantine of refused callbacks (it does not when its source has
     * sent too many refused callbacks lately).
     */
    record Refused(Refusal cause, String reason, boolean kept) implements RecordOutcome {

        public Refused {
            if (cause == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal needs its cause and reason");
            }
        }

        /** A refusal before anything decided whether to keep it. */
        public Refused(Refusal cause, String reason) {
            this(cause, reason, false);
        }

        public Refused kept(boolean isKept) {
            return new Refused(cause, reason, isKept);
        }
    }

    /** Why the signature check refused a callback: few enough words to count each in a metric. */
    enum Refusal {
        /** {@code AccountSid} missing or not an account SID: no token can check the signature. */
        NO_ACCOUNT("no_account"),
        /** No organization sends through that account. */
        UNKNOWN_ACCOUNT("unknown_account"),
        /** {@code X-Twilio-Signature} missing. */
        NO_SIGNATURE("no_signature"),
        /** The signature matches neither token for the URL it was checked against. */
        MISMATCH("mismatch");

        private final String wireName;

        Refusal(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Signed by Twilio but not a callback we can read; kept for inspection. */
    record Rejected(String reason) implements RecordOutcome {
    }
}
