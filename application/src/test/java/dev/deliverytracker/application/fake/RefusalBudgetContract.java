package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.RefusalBudget;
import org.junit.jupiter.api.Test;

/**
 * What every budget of refused callbacks promises ({@link RefusalBudget}) while no time passes, run
 * against {@link CountedRefusalBudget} and against the web adapter's per-address token buckets. How the
 * real one refills with time is its own test's.
 */
public abstract class RefusalBudgetContract {

    /** A budget of {@code perSource} refusals for each source, on a clock that does not move. */
    protected abstract RefusalBudget budget(int perSource);

    @Test
    void a_source_may_have_its_budget_kept_and_no_more() {
        RefusalBudget budget = budget(3);

        for (int i = 0; i < 3; i++) {
            assertThat(budget.tryTake("198.51.100.7")).as("refusal %d", i).isTrue();
        }
        assertThat(budget.tryTake("198.51.100.7")).isFalse();
        assertThat(budget.tryTake("198.51.100.7")).isFalse();
    }

    @Test
    void each_source_has_a_budget_of_its_own() {
        RefusalBudget budget = budget(1);

        assertThat(budget.tryTake("198.51.100.7")).isTrue();
        assertThat(budget.tryTake("198.51.100.7")).isFalse();
        assertThat(budget.tryTake("203.0.113.9")).isTrue();
    }

    @Test
    void the_unlimited_budget_never_says_no() {
        RefusalBudget unlimited = RefusalBudget.unlimited();

        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryTake("198.51.100.7")).isTrue();
        }
    }
}
