package dev.deliverytracker.application.port.out;

/**
 * How many refused callbacks a source may still have kept in the quarantine. It is consulted only
 * once a callback has failed the signature check, so a callback that verifies never spends from it
 * and is never limited.
 */
public interface RefusalBudget {

    /** Takes one refusal from the source's budget; false when it has none left just now. */
    boolean tryTake(String source);

    /** No limit: every refused callback is kept (the quarantine's own cap still bounds it). */
    static RefusalBudget unlimited() {
        return source -> true;
    }
}
