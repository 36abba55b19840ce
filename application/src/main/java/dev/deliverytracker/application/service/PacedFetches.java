package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.MessageSid;

/**
 * Fetches of messages from the provider at the reconcile pace: the reconciler and the charge collector
 * ask through it, so both keep to the same rate, and a gateway that throws is a failed fetch, never a
 * run cut short.
 */
final class PacedFetches {

    private final MessageGateway gateway;
    private final ReconcilePolicy policy;
    private final Pause pause;

    PacedFetches(MessageGateway gateway, ReconcilePolicy policy, Pause pause) {
        this.gateway = gateway;
        this.policy = policy;
        this.pause = pause;
    }

    /** Waits the pace between two fetches; false when interrupted, and the run should end. */
    boolean waitTurn() {
        try {
            pause.sleep(policy.pace());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    PollResult fetch(AccountSid account, MessageSid sid) {
        try {
            return gateway.fetch(account, sid);
        } catch (RuntimeException failure) {
            return new PollResult.Failed(failure.getMessage() == null ? failure.toString() : failure.getMessage());
        }
    }
}
