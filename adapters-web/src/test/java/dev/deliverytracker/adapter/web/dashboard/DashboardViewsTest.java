package dev.deliverytracker.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.in.DeliveryStatistics.Figures;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.domain.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardViewsTest {

    private static Figures figures(Map<DeliveryStatus, Long> byStatus) {
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(all, byStatus, 0.5, 0.25, 0.2, Optional.of(new DeliveryStatistics.DeliveryTimes(
                Duration.ofMillis(800), Duration.ofSeconds(3), Duration.ofMinutes(5))), List.of());
    }

    @Test
    void failed_means_failed_or_undelivered_everywhere_as_the_failure_rate_counts_it_never_canceled() {
        Figures total = figures(Map.of(DeliveryStatus.DELIVERED, 6L, DeliveryStatus.FAILED, 1L,
                DeliveryStatus.UNDELIVERED, 1L, DeliveryStatus.CANCELED, 2L));

        assertThat(DashboardViews.funnel(total)).filteredOn(step -> step.label().equals("Failed"))
                .singleElement().extracting(DashboardViews.FunnelStep::count).isEqualTo(2L);
        assertThat(DashboardViews.FAILED).containsExactlyInAnyOrder(DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED);
        assertThat(DashboardViews.css(DeliveryStatus.CANCELED)).isNotEqualTo("status-failed");
    }

    @Test
    void the_funnel_counts_each_message_once_at_how_far_it_got() {
        Figures total = figures(Map.of(DeliveryStatus.QUEUED, 1L, DeliveryStatus.SENT, 2L, DeliveryStatus.DELIVERED, 3L,
                DeliveryStatus.READ, 1L, DeliveryStatus.UNDELIVERED, 2L, DeliveryStatus.FAILED, 1L));

        assertThat(DashboardViews.funnel(total)).extracting(DashboardViews.FunnelStep::label,
                DashboardViews.FunnelStep::count, DashboardViews.FunnelStep::share).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Accepted", 10L, "100.0%"),
                org.assertj.core.groups.Tuple.tuple("Reached the carrier", 8L, "80.0%"),
                org.assertj.core.groups.Tuple.tuple("Delivered", 4L, "40.0%"),
                org.assertj.core.groups.Tuple.tuple("Read", 1L, "10.0%"),
                org.assertj.core.groups.Tuple.tuple("Failed", 3L, "30.0%"));
        assertThat(DashboardViews.rates(total)).isEqualTo(new DashboardViews.Rates("50.0%", "25.0%", "20.0%",
                "800 ms", "3.0 s", "5 min"));
    }

    @Test
    void an_empty_period_has_no_shares_and_no_times() {
        Figures none = new Figures(0, Map.of(), 0, 0, 0, Optional.empty(), List.of());

        assertThat(DashboardViews.funnel(none)).allSatisfy(step -> assertThat(step.share()).isEqualTo("-"));
        assertThat(DashboardViews.rates(none).p50()).isEqualTo("-");
    }

    @Test
    void the_chart_has_every_bucket_of_the_range_with_empty_ones_as_zero() {
        Instant from = Instant.parse("2026-11-29T08:00:00Z");
        DeliveryStatistics.Report report = new DeliveryStatistics.Report(
                new TimeRange(from, from.plus(Duration.ofHours(3))), StatisticsInterval.HOUR,
                figures(Map.of()), Map.of(), List.of(), Map.of(), List.of(new DeliveryStatistics.Bucket(from.plus(Duration.ofHours(1)),
                        figures(Map.of(DeliveryStatus.DELIVERED, 2L, DeliveryStatus.SENT, 1L, DeliveryStatus.FAILED, 1L)),
                        Map.of())));

        assertThat(DashboardViews.chart(report)).isEqualTo("{\"labels\":[\"11-29 08:00\",\"11-29 09:00\",\"11-29 10:00\"],"
                + "\"series\":[{\"name\":\"Delivered or read\",\"data\":[0, 2, 0]},"
                + "{\"name\":\"In flight\",\"data\":[0, 1, 0]},{\"name\":\"Failed\",\"data\":[0, 1, 0]}]}");
    }

    @Test
    void senders_show_their_volume_and_rates_with_the_rest_summed() {
        List<DashboardViews.SenderRow> rows = DashboardViews.senders(List.of(
                new DeliveryStatistics.SenderFigures("+15005550006", 1, figures(Map.of(DeliveryStatus.DELIVERED, 3L))),
                new DeliveryStatistics.SenderFigures(DeliveryStatistics.OTHER_SENDERS, 7,
                        figures(Map.of(DeliveryStatus.FAILED, 1L)))));

        assertThat(rows).containsExactly(new DashboardViews.SenderRow("+15005550006", 3, "50.0%", "20.0%"),
                new DashboardViews.SenderRow("7 other senders", 1, "50.0%", "20.0%"));
    }

    @Test
    void statuses_have_their_colours() {
        assertThat(DashboardViews.css(DeliveryStatus.DELIVERED)).isEqualTo("status-delivered");
        assertThat(DashboardViews.css(DeliveryStatus.READ)).isEqualTo("status-read");
        assertThat(DashboardViews.css(DeliveryStatus.UNDELIVERED)).isEqualTo("status-failed");
        assertThat(DashboardViews.css(DeliveryStatus.SENT)).isEqualTo("status-sent");
        assertThat(DashboardViews.css(DeliveryStatus.QUEUED)).isEqualTo("status-pending");
    }
}
