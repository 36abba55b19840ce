package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentAttemptsTest {

    @Test
    void keeps_the_newest_attempts_oldest_first_and_forgets_the_rest() {
        RecentAttempts recent = new RecentAttempts(3);
        IntStream.rangeClosed(1, 5).forEach(n -> recent.add(attempt("SM" + n)));

        assertThat(recent.list()).extracting(CallbackAttempt::messageSid).containsExactly("SM3", "SM4", "SM5");
    }

    @Test
    void a_listed_copy_does_not_change_with_later_attempts_and_clear_empties_it() {
        RecentAttempts recent = new RecentAttempts(3);
        recent.add(attempt("SM1"));
        var before = recent.list();
        recent.add(attempt("SM2"));

        assertThat(before).hasSize(1);
        recent.clear();
        assertThat(recent.list()).isEmpty();
    }

    @Test
    void keeps_at_least_one() {
        assertThatThrownBy(() -> new RecentAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CallbackAttempt attempt(String sid) {
        return new CallbackAttempt(sid, "sent", 1, "http://127.0.0.1/x", "token", "signature", false, 200, "",
                Map.of(), "2026-11-30T00:00:00Z");
    }
}
