package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemorySendBudgets;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.SendLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RemoveIdleSendBudgetsServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemorySendBudgets budgets = new InMemorySendBudgets(clock);
    private final RemoveIdleSendBudgetsService service = new RemoveIdleSendBudgetsService(budgets);
    private final SendLimit tenPerMinute = new SendLimit(10, Duration.ofMinutes(1));

    @Test
    void full_budgets_are_forgotten_batch_after_batch_and_one_in_use_is_kept() {
        int idle = RemoveIdleSendBudgetsService.BATCH + 500;
        for (int i = 0; i < idle; i++) {
            budgets.take("key-" + i, tenPerMinute);
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            budgets.take("busy", tenPerMinute);
        }

        assertThat(service.removeIdle()).isEqualTo(idle);
        assertThat(budgets.size()).isEqualTo(1);
        assertThat(budgets.take("busy", tenPerMinute)).as("the busy budget kept what it had used").isPresent();
    }
}
