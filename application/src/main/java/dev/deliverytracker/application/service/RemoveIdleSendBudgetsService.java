package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.RemoveIdleSendBudgets;
import dev.deliverytracker.application.port.out.SendBudgets;

/** Removes idle budgets in batches until a batch comes back short, so no single statement grows large. */
public final class RemoveIdleSendBudgetsService implements RemoveIdleSendBudgets {

    static final int BATCH = 1000;

    private final SendBudgets budgets;

    public RemoveIdleSendBudgetsService(SendBudgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public int removeIdle() {
        int total = 0;
        int removed;
        do {
            removed = budgets.removeIdle(BATCH);
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
