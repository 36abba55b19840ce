package dev.deliverytracker.application.port.in;

/**
 * Judges every enabled rule of every organization once, records each incident that starts or
 * clears, and notifies its webhook. Run by one instance at a time (the schedule holds a lock).
 */
public interface EvaluateAlerts {

    Evaluation evaluateAll();

    /**
     * What one round did.
     *
     * @param rules rules judged
     * @param started incidents that started (alerts sent or attempted)
     * @param recovered incidents that cleared (recoveries sent or attempted)
     * @param notificationsFailed notifications that did not reach their webhook
     * @param rulesFailed rules that could not be judged (the store failed); tried again next round
     */
    record Evaluation(int rules, int started, int recovered, int notificationsFailed, int rulesFailed) {
    }
}
