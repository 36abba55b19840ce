package dev.deliverytracker.application.port.in;

import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;

/** What became of a send request. */
public sealed interface SendOutcome {

    /** Stored with its outbox entry; a dispatcher hands it to Twilio shortly. */
    record Accepted(Message message) implements SendOutcome {
    }

    /** The same request under the same idempotency key came before: this is that message, not a new one. */
    record Repeated(Message message) implements SendOutcome {
    }

    /**
     * The caller's send budget (its API key's or its organization's) is spent; nothing was stored.
     * {@code refusal} says which budget and when it has a token again.
     */
    record OverBudget(AdmitSendRequest.Admission.OverBudget refusal) implements SendOutcome {
    }

    /** The idempotency key was used before for a different request; nothing was stored. */
    record IdempotencyConflict(MessageId original, String reason) implements SendOutcome {
    }

    /**
     * A free-form WhatsApp message to a recipient whose customer service window is not open (they never
     * wrote, or last wrote at {@code lastInboundAt}, more than 24 hours ago): Twilio would fail it with
     * 63016. Refused under the organization's window enforcement; nothing was stored. Send a template.
     */
    record OutsideWindow(Address recipient, java.util.Optional<java.time.Instant> lastInboundAt)
            implements SendOutcome {
    }

    /** The organization is disabled by a platform administrator: it sends nothing; nothing was stored. */
    record OrganizationDisabled(dev.deliverytracker.domain.OrganizationId organization) implements SendOutcome {
    }

    /** The API key lacks the scope {@code send}; nothing was stored. */
    record NotPermitted(String needed) implements SendOutcome {
    }

    /**
     * The request names a sender the organization has not allowed; nothing was stored. {@code field} is
     * {@code from} or {@code messagingServiceSid}.
     */
    record SenderNotAllowed(String field, String reason) implements SendOutcome {
    }

    /**
     * The request's {@code statusCallback} cannot be used: the URL is one notifications may not go to
     * (the SSRF rules), or the organization has no status-callback secret to sign with yet; nothing was
     * stored.
     */
    record StatusCallbackRefused(String reason) implements SendOutcome {
    }
}
