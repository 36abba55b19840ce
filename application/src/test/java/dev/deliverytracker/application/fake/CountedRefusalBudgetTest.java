package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.RefusalBudget;

class CountedRefusalBudgetTest extends RefusalBudgetContract {

    @Override
    protected RefusalBudget budget(int perSource) {
        return new CountedRefusalBudget(perSource);
    }
}
