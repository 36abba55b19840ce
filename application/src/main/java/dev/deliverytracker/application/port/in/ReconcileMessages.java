package dev.deliverytracker.application.port.in;

/**
 * Closes the gaps that lost callbacks leave: asks Twilio for the current status of messages that
 * stayed non-terminal too long and records what it learns, under the same ordering and dedupe rules
 * as callbacks. Run by one instance at a time (a job lock), though running it twice at once only
 * costs duplicate fetches.
 */
public interface ReconcileMessages {

    /** One run over at most the configured number of stale messages. */
    ReconcileRun reconcileStale();
}
