package dev.deliverytracker.application.port.in;

/**
 * What one reconcile run did.
 *
 * @param candidates  stale messages found
 * @param polled      fetched from Twilio with an answer (found or not found)
 * @param changed     polls that moved a message's status
 * @param unconfirmed messages given up on (past the horizon, still not final)
 * @param failed      fetches that failed (provider error, no answer, no credentials); retried next run
 * @param rateLimited whether Twilio answered 429 and the run stopped early
 */
public record ReconcileRun(int candidates, int polled, int changed, int unconfirmed, int failed,
        boolean rateLimited) {
}
