package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.out.SendBudgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store of send budgets promises ({@link SendBudgets}), run against {@link InMemorySendBudgets}
 * and against Bucket4j on PostgreSQL, on a clock the test moves. Each test uses bucket names of its own.
 */
public abstract class SendBudgetsContract {

    protected final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final SendLimit threePerSecond = new SendLimit(3, Duration.ofSeconds(1));
    private final String bucket = "contract:" + UUID.randomUUID();

    /** The budgets, reading time from {@code clock}. */
    protected abstract SendBudgets budgets(Clock clock);

    @Test
    void a_bucket_starts_full_gives_its_tokens_then_answers_how_long_until_the_next() {
        SendBudgets budgets = budgets(clock);
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.take(bucket, threePerSecond)).as("token %d", i).isEmpty();
        }

        assertThat(budgets.take(bucket, threePerSecond)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(333), Duration.ofMillis(334)));
    }

    @Test
    void tokens_come_back_gradually_with_time_and_never_above_the_capacity() {
        SendBudgets budgets = budgets(clock);
        for (int i = 0; i < 3; i++) {
            budgets.take(bucket, threePerSecond);
        }
        clock.advance(Duration.ofMillis(200));
        assertThat(budgets.take(bucket, threePerSecond)).as("not yet refilled").isPresent();
        clock.advance(Duration.ofMillis(134));
        assertThat(budgets.take(bucket, threePerSecond)).as("one token refilled").isEmpty();
        assertThat(budgets.take(bucket, threePerSecond)).isPresent();

        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.take(bucket, threePerSecond)).as("full again").isEmpty();
        }
        assertThat(budgets.take(bucket, threePerSecond)).as("never above its capacity").isPresent();
    }

    @Test
    void a_token_given_back_can_be_taken_again_but_never_above_the_capacity() {
        SendBudgets budgets = budgets(clock);
        budgets.giveBack(bucket, threePerSecond);
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.take(bucket, threePerSecond)).isEmpty();
        }
        assertThat(budgets.take(bucket, threePerSecond)).as("a full bucket keeps no extra token").isPresent();

        budgets.giveBack(bucket, threePerSecond);

        assertThat(budgets.take(bucket, threePerSecond)).isEmpty();
        assertThat(budgets.take(bucket, threePerSecond)).isPresent();
    }

    @Test
    void another_name_or_another_limit_is_another_bucket() {
        SendBudgets budgets = budgets(clock);
        SendLimit oneAMinute = new SendLimit(1, Duration.ofMinutes(1));
        assertThat(budgets.take(bucket, oneAMinute)).isEmpty();
        assertThat(budgets.take(bucket, oneAMinute)).isPresent();

        assertThat(budgets.take(bucket + ":other", oneAMinute)).isEmpty();
        assertThat(budgets.take(bucket, new SendLimit(2, Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void removing_idle_buckets_never_forgets_one_that_is_not_full() {
        SendBudgets budgets = budgets(clock);
        SendLimit onePerHour = new SendLimit(1, Duration.ofHours(1));
        assertThat(budgets.take(bucket, onePerHour)).isEmpty();

        assertThat(budgets.removeIdle(10_000)).isNotNegative();

        assertThat(budgets.take(bucket, onePerHour)).as("still empty, not created full again").isPresent();
    }
}
