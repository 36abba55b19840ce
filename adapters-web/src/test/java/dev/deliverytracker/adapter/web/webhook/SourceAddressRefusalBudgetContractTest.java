package dev.deliverytracker.adapter.web.webhook;

import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.fake.RefusalBudgetContract;
import dev.deliverytracker.application.port.out.RefusalBudget;
import java.time.Duration;
import java.time.Instant;

class SourceAddressRefusalBudgetContractTest extends RefusalBudgetContract {

    @Override
    protected RefusalBudget budget(int perSource) {
        return new SourceAddressRefusalBudget(new SourceAddressRefusalBudget.Limits(perSource, Duration.ofMinutes(1),
                10_000), new MovableClock(Instant.parse("2026-11-24T10:00:00Z")));
    }
}
