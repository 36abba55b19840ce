package dev.deliverytracker.adapter.web.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminPageRowsTest {

    @Test
    void durations_read_as_the_settings_write_them() {
        assertThat(AdminPageRows.duration(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(AdminPageRows.duration(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(AdminPageRows.duration(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(AdminPageRows.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(AdminPageRows.duration(Duration.ZERO)).isEqualTo("0s");
    }
}
