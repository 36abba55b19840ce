package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.MessageSid;
import java.time.Instant;
import java.util.List;

/**
 * Hands one message to the messaging provider (Twilio) and answers what the provider said, in
 * domain terms. One call is one attempt: the gateway never retries a send by itself, because a
 * create that the provider stored but answered with an error would then become two messages. The
 * caller decides about retries, after checking that nothing was sent.
 */
public interface MessageGateway {

    /**
     * Sends the message once.
     *
     * @return {@link SendResult.Accepted} with the provider's SID and first status,
     *         {@link SendResult.Rejected} when sending it again cannot help, or
     *         {@link SendResult.TransientFailure} when a later attempt may succeed (rate limit,
     *         provider error, no answer); in the last case the provider may still have stored it
     * @throws IllegalStateException when the message's account has no credentials configured: a
     *         setting to fix, not an answer of the provider
     */
    SendResult send(OutgoingMessage message);

    /**
     * Every message the provider took since {@code since} that looks like this one (same recipient,
     * sender and content), newest first: after an attempt that may have reached it, this is what keeps
     * a retry from sending twice. Look-alikes sent for other messages are among them; the caller tells
     * them apart, because only it knows which SIDs are already taken.
     */
    List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since);

    /**
     * Asks the provider for the current state of one message it took, once (the reconciler's poll).
     *
     * @return {@link PollResult.Found} with the status and error the provider shows now,
     *         {@link PollResult.NotFound}, {@link PollResult.RateLimited} on a 429, or
     *         {@link PollResult.Failed} for any other failure
     * @throws IllegalStateException when the account has no credentials configured
     */
    PollResult fetch(AccountSid account, MessageSid sid);
}
