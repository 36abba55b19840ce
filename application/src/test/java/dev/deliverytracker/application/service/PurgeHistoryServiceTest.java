package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.in.PurgeReport;
import dev.deliverytracker.application.port.out.OldHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeHistoryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    /** Rows by creation time; deletes the oldest first, like the real statement. */
    private static final class ListedHistory implements OldHistory {
        final List<Instant> events = new ArrayList<>();
        final List<Instant> rejected = new ArrayList<>();
        final List<Integer> statements = new ArrayList<>();

        @Override
        public int deleteDeliveryEventsBefore(Instant cutoff, int limit) {
            return delete(events, cutoff, limit);
        }

        @Override
        public int deleteRejectedCallbacksBefore(Instant cutoff, int limit) {
            return delete(rejected, cutoff, limit);
        }

        private int delete(List<Instant> rows, Instant cutoff, int limit) {
            List<Instant> old = rows.stream().filter(at -> at.isBefore(cutoff)).sorted().limit(limit).toList();
            old.forEach(rows::remove);
            statements.add(old.size());
            return old.size();
        }
    }

    private final ListedHistory history = new ListedHistory();
    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void rows_older_than_the_retention_period_are_deleted_in_batches_with_a_pause_between() {
        for (int i = 0; i < 12; i++) {
            history.events.add(NOW.minus(Duration.ofDays(401)).minusSeconds(i));
        }
        history.events.add(NOW.minus(Duration.ofDays(399)));
        history.rejected.add(NOW.minus(Duration.ofDays(500)));
        history.rejected.add(NOW.minus(Duration.ofDays(1)));

        PurgeReport report = service(new RetentionPolicy(Duration.ofDays(400), 5, Duration.ofMillis(50), 100))
                .purgeExpired();

        assertThat(report).isEqualTo(new PurgeReport(12, 1, true));
        assertThat(history.events).containsExactly(NOW.minus(Duration.ofDays(399)));
        assertThat(history.rejected).containsExactly(NOW.minus(Duration.ofDays(1)));
        assertThat(history.statements).containsExactly(5, 5, 2, 1);
        assertThat(pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void a_run_stops_at_its_batch_limit_and_says_more_is_left() {
        for (int i = 0; i < 10; i++) {
            history.events.add(NOW.minus(Duration.ofDays(401)).minusSeconds(i));
        }

        PurgeReport report = service(new RetentionPolicy(Duration.ofDays(400), 3, Duration.ZERO, 2)).purgeExpired();

        assertThat(report.deliveryEvents()).isEqualTo(6);
        assertThat(report.complete()).isFalse();
        assertThat(history.events).hasSize(4);
    }

    private PurgeHistoryService service(RetentionPolicy policy) {
        return new PurgeHistoryService(history, Clock.fixed(NOW, ZoneOffset.UTC), policy, pauses::add);
    }
}
