package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FoldStatisticsServiceTest {

    @Test
    void a_fold_folds_what_is_pending_and_says_how_much() {
        AtomicLong pending = new AtomicLong(7);
        FoldStatisticsService service = new FoldStatisticsService(() -> pending.getAndSet(0));

        assertThat(service.fold()).isEqualTo(7);
        assertThat(service.fold()).isZero();
    }
}
