package dev.deliverytracker.application.port.in;

/**
 * Learns what delivery cost: asks the provider for the segments and price of final messages it has
 * not priced for us yet. It spends what the reconciler's run left of the shared fetch budget, so the
 * two together never ask the provider more than the reconcile settings allow.
 */
public interface CollectCharges {

    /** Asks about at most what {@code reconcile} left of the run's budget; nothing after a 429. */
    ChargeRun collectAfter(ReconcileRun reconcile);
}
