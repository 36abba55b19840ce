package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages waiting to be handed to Twilio. A claim is exclusive across instances and holds a lease;
 * a dispatcher that dies mid-send leaves its lease to expire, and the next claim marks the entry in
 * doubt. Completing an entry is {@link DeliveryLog#accepted} or {@link DeliveryLog#sendFailed}.
 */
public interface Outbox {

    /**
     * Stores a new message and its outbox entry in one transaction, unless its idempotency key was used;
     * with its status callback, so that its first status change already has somewhere to go.
     */
    Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt, Optional<URI> statusCallback);

    /** A message sent without a status callback of its own. */
    default Enqueued enqueue(Message pending, String requestFingerprint, Instant dueAt) {
        return enqueue(pending, requestFingerprint, dueAt, Optional.empty());
    }

    /** Claims up to {@code limit} due entries no other dispatcher holds, for {@code lease}. */
    List<Claim> claimDue(int limit, Instant now, Duration lease);

    /**
     * Starts a new attempt of a failed message (the domain's {@code startNewAttempt}): keeps the
     * previous attempt's SID and outcome in the history and puts the message back in the outbox, due at
     * {@code dueAt}. Empty when the message is no longer failed (another instance got there first).
     */
    Optional<Message> retry(MessageId id, Instant dueAt);

    /** Releases a claimed entry to be tried again at {@code dueAt}; a booked pacing slot is given up. */
    void retryLater(MessageId id, Instant dueAt, String reason, boolean inDoubt);

    /**
     * Releases a claimed entry that must wait for its booked pacing slot {@code until}: not an attempt
     * (the claim's count is undone), and the entry shows what it waits for until it is sent.
     */
    void pace(MessageId id, Instant until);

    /**
     * Releases a claimed entry its organization may not send yet (it is disabled), to be looked at again
     * at {@code until}: not an attempt (the claim's count is undone), and {@code reason} stays on the
     * entry until it is sent.
     */
    void hold(MessageId id, Instant until, String reason);

    /** When a waiting message's booked pacing slot comes, if it waits for one. */
    Optional<Instant> pacedUntil(MessageId id);

    /** What an enqueue did: stored {@code message}, or found the one stored before under the same key. */
    record Enqueued(Message message, boolean created, String requestFingerprint) {
    }

    /**
     * A claimed entry. {@code attempt} counts this one; {@code inDoubt} says an earlier attempt may
     * have reached Twilio, so look before sending again, for messages created since
     * {@code firstAttemptAt}; {@code paced} says this attempt booked its pacing slot already and the
     * slot has come.
     */
    record Claim(Message message, int attempt, boolean inDoubt, Instant firstAttemptAt, boolean paced) {

        public Claim(Message message, int attempt, boolean inDoubt, Instant firstAttemptAt) {
            this(message, attempt, inDoubt, firstAttemptAt, false);
        }
    }
}
