package dev.deliverytracker.application.port.in;

/**
 * Forgets the send budgets that have been full and unused for a while (keys no longer used, limits
 * since changed). A forgotten budget starts full again when next used, so no caller sees a difference.
 */
public interface RemoveIdleSendBudgets {

    /** Answers how many budgets were forgotten. */
    int removeIdle();
}
