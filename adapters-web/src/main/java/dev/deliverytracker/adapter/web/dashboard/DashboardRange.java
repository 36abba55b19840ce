package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The periods the dashboard offers, each ending with the current hour or day. */
enum DashboardRange {
    LAST_24_HOURS("24h", "Last 24 hours", StatisticsInterval.HOUR, 24),
    LAST_7_DAYS("7d", "Last 7 days", StatisticsInterval.DAY, 7),
    LAST_30_DAYS("30d", "Last 30 days", StatisticsInterval.DAY, 30);

    private final String code;
    private final String label;
    private final StatisticsInterval interval;
    private final int buckets;

    DashboardRange(String code, String label, StatisticsInterval interval, int buckets) {
        this.code = code;
        this.label = label;
        this.interval = interval;
        this.buckets = buckets;
    }

    static DashboardRange parse(String code) {
        if (code == null || code.isBlank()) {
            return LAST_24_HOURS;
        }
        return Arrays.stream(values()).filter(range -> range.code.equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "range must be one of "
                        + Arrays.stream(values()).map(DashboardRange::code).collect(Collectors.joining(", "))));
    }

    /** Whole buckets, the last one holding {@code now}. */
    TimeRange at(Instant now) {
        Instant until = interval.bucketOf(now).plus(Duration.of(1, interval.unit()));
        return new TimeRange(until.minus(Duration.of(buckets, interval.unit())), until);
    }

    StatisticsInterval interval() {
        return interval;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }
}
