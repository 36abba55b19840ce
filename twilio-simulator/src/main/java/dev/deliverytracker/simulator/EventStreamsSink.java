package dev.deliverytracker.simulator;

import java.net.URI;
import java.util.Set;

/**
 * A webhook sink of Twilio Event Streams with its subscription: where batches go, whose account's
 * events (signed with that account's token), which event types, and how this sink's deliveries are
 * timed. Twilio retries a failed batch with exponential backoff and jitter for up to four hours;
 * tests compress that with small numbers.
 *
 * @param sid           {@code DG} + 32 hex
 * @param destination   the sink URL; user info in it ({@code https://user:pass@host/...}) becomes Basic auth
 * @param accountSid    the account whose events the sink receives
 * @param types         the subscribed event types
 * @param batchWindowMs how long events are gathered into one batch
 * @param maxBatch      most events in one batch
 * @param retryBaseMs   first backoff after a failed delivery, doubled for each further failure
 * @param retryMaxMs    longest single backoff
 * @param retryBudgetMs how long a batch is retried in all (Twilio: four hours)
 */
public record EventStreamsSink(String sid, URI destination, String accountSid, Set<String> types, long batchWindowMs,
        int maxBatch, long retryBaseMs, long retryMaxMs, long retryBudgetMs) {

    /** Every message status type and the inbound message type, as Twilio names them. */
    public static final Set<String> MESSAGING_TYPES = Set.of(
            "com.twilio.messaging.message.queued", "com.twilio.messaging.message.sent",
            "com.twilio.messaging.message.delivered", "com.twilio.messaging.message.undelivered",
            "com.twilio.messaging.message.failed", "com.twilio.messaging.message.read",
            "com.twilio.messaging.inbound-message.received");

    /** Twilio's own timing: a retry budget of four hours, backoff from a second up to ten minutes. */
    public static final long TWILIO_RETRY_BUDGET_MS = 4 * 60 * 60 * 1000L;

    public EventStreamsSink {
        if (destination == null || !destination.isAbsolute()
                || !("http".equals(destination.getScheme()) || "https".equals(destination.getScheme()))) {
            throw new IllegalArgumentException("destination must be an absolute http(s) URL, was " + destination);
        }
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalArgumentException("a sink belongs to an account: accountSid is required");
        }
        types = Set.copyOf(types == null || types.isEmpty() ? MESSAGING_TYPES : types);
        if (batchWindowMs < 0 || maxBatch < 1 || retryBaseMs < 1 || retryMaxMs < retryBaseMs || retryBudgetMs < 0) {
            throw new IllegalArgumentException("sink timing must have batchWindowMs >= 0, maxBatch >= 1, "
                    + "1 <= retryBaseMs <= retryMaxMs and retryBudgetMs >= 0");
        }
    }

    /** A sink with Twilio's timing: batches gathered for a second, retried for four hours. */
    public static EventStreamsSink twilioTimed(String sid, URI destination, String accountSid, Set<String> types) {
        return new EventStreamsSink(sid, destination, accountSid, types, 1000, 100, 1000, 600_000,
                TWILIO_RETRY_BUDGET_MS);
    }

    boolean subscribes(String accountSid, String type) {
        return this.accountSid.equals(accountSid) && types.contains(type);
    }
}
