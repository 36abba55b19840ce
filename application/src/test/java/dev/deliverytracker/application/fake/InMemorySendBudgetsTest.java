package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.SendBudgets;
import java.time.Clock;

class InMemorySendBudgetsTest extends SendBudgetsContract {

    @Override
    protected SendBudgets budgets(Clock clock) {
        return new InMemorySendBudgets(clock);
    }
}
