package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void functions_groupings_labels_ranges_and_numbers_are_not_metric_names() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) "
                + "(rate(tracker_callbacks_record_time_seconds_bucket{instance=~\"$instance\"}[$__rate_interval]))) > 2"))
                .containsExactly("tracker_callbacks_record_time_seconds_bucket");
    }

    @Test
    void every_operand_of_a_binary_expression_is_found() {
        assertThat(PromQlMetricNames.of("max(tracker_ingest_waiting) > 5000 or sum(rate(a_total{x=\"y or z\"}[5m]))"
                + " / clamp_min(sum(b_total), 0.001) unless on (job) up"))
                .containsExactly("a_total", "b_total", "tracker_ingest_waiting", "up");
    }
}
