package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.in.DeliveryStatistics.Figures;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindFailures.FailureGroup;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.TwilioError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the dashboard's templates show, computed here so templates only print: the funnel, the
 * chart's series, a row per message with its number masked, times in UTC.
 */
final class DashboardViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The one definition of failed, the domain's, so the funnel, the chart and the failure rate agree. */
    static final Set<DeliveryStatus> FAILED = EnumSet.copyOf(Arrays.stream(DeliveryStatus.values())
            .filter(DeliveryStatus::isFailure).toList());
    static final Set<DeliveryStatus> DELIVERED = EnumSet.of(DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    static final Set<DeliveryStatus> REACHED_CARRIER = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
            DeliveryStatus.READ, DeliveryStatus.UNDELIVERED, DeliveryStatus.PARTIALLY_DELIVERED);

    private DashboardViews() {
    }

    record FunnelStep(String label, long count, String share, String css) {
    }

    record Rates(String delivery, String read, String failure, String p50, String p90, String p99) {
    }

    record ErrorRow(int code, String title, long count, boolean retryable, String action) {
    }

    record SenderRow(String sender, long messages, String delivery, String failure) {
    }

    record MessageRow(String id, String createdAt, String channel, String to, String from, String sid, String status,
            String css, String error, String origin) {
    }

    record TimelineRow(String receivedAt, String status, String css, String error, String source, String sid) {
    }

    record StepRow(String step, String took) {
    }

    /** Every message of the period and how far each got, current status counted once. */
    static List<FunnelStep> funnel(Figures total) {
        long all = total.messages();
        List<FunnelStep> steps = new ArrayList<>();
        steps.add(new FunnelStep("Accepted", all, share(all, all), "accepted"));
        steps.add(new FunnelStep("Reached the carrier", count(total, REACHED_CARRIER), share(count(total, REACHED_CARRIER), all),
                "sent"));
        steps.add(new FunnelStep("Delivered", count(total, DELIVERED), share(count(total, DELIVERED), all), "delivered"));
        steps.add(new FunnelStep("Read", count(total, EnumSet.of(DeliveryStatus.READ)),
                share(count(total, EnumSet.of(DeliveryStatus.READ)), all), "read"));
        steps.add(new FunnelStep("Failed", count(total, FAILED), share(count(total, FAILED), all), "failed"));
        return steps;
    }

    static Rates rates(Figures total) {
        return new Rates(percent(total.deliveryRate()), percent(total.readRate()), percent(total.failureRate()),
                total.timeToDeliver().map(times -> duration(times.p50())).orElse("-"),
                total.timeToDeliver().map(times -> duration(times.p90())).orElse("-"),
                total.timeToDeliver().map(times -> duration(times.p99())).orElse("-"));
    }

    static List<ErrorRow> errors(Figures total) {
        return total.errors().stream().map(error -> new ErrorRow(error.code(),
                error.meaning().map(TwilioError::title).orElse("Unknown to the catalogue"), error.count(),
                error.meaning().map(TwilioError::isRetryable).orElse(false),
                error.meaning().map(TwilioError::suggestedAction).orElse(""))).toList();
    }

    /** The largest senders of the period; the rest, summed by the statistics, named by their count. */
    static List<SenderRow> senders(List<DeliveryStatistics.SenderFigures> senders) {
        return senders.stream().map(sender -> new SenderRow(
                DeliveryStatistics.OTHER_SENDERS.equals(sender.sender()) ? sender.senders() + " other senders"
                        : sender.sender(),
                sender.figures().messages(), percent(sender.figures().deliveryRate()),
                percent(sender.figures().failureRate()))).toList();
    }

    static List<ErrorRow> failures(List<FailureGroup> groups) {
        return groups.stream().map(group -> new ErrorRow(group.errorCode(),
                group.meaning().map(TwilioError::title).orElse(group.errorCode() == 0 ? "No error code given"
                        : "Unknown to the catalogue"),
                group.count(), group.retryable(), group.suggestedAction())).toList();
    }

    /**
     * The chart's data as JSON for the page's script: one label per bucket of the period (empty ones
     * included, so gaps show) and one series per outcome.
     */
    static String chart(DeliveryStatistics.Report report) {
        Map<Instant, Figures> byStart = new LinkedHashMap<>();
        report.buckets().forEach(bucket -> byStart.put(bucket.start(), bucket.total()));
        DateTimeFormatter format = report.interval() == StatisticsInterval.HOUR ? HOUR : DAY;
        Duration step = Duration.of(1, report.interval().unit());
        List<String> labels = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        List<Long> inFlight = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Instant start = report.interval().bucketOf(report.range().from()); start.isBefore(report.range().until());
                start = start.plus(step)) {
            Figures figures = byStart.get(start);
            labels.add(format.format(start));
            long all = figures == null ? 0 : figures.messages();
            long good = figures == null ? 0 : count(figures, DELIVERED);
            long bad = figures == null ? 0 : count(figures, FAILED);
            // Canceled is neither failed nor on its way: the sender called it off.
            long canceled = figures == null ? 0 : count(figures, EnumSet.of(DeliveryStatus.CANCELED));
            delivered.add(good);
            failed.add(bad);
            inFlight.add(all - good - bad - canceled);
        }
        return "{\"labels\":" + strings(labels) + ",\"series\":[" + series("Delivered or read", delivered) + ","
                + series("In flight", inFlight) + "," + series("Failed", failed) + "]}";
    }

    static MessageRow row(MessageSummary message) {
        return new MessageRow(message.id().toString(), time(message.createdAt()), message.channel().wireName(),
                Address.masked(message.to()).replace("'", ""), message.from().isEmpty() ? "default" : message.from(),
                message.sid(), message.status().wireName(), css(message.status()), error(message.error()),
                message.origin().wireName());
    }

    static List<TimelineRow> timeline(FindDeliveryHistory.DeliveryTimeline timeline) {
        return timeline.events().stream().map(event -> new TimelineRow(time(event.receivedAt()), event.reportedStatus(),
                css(event.status()), error(event.error()), event.source().wireName(), event.sid())).toList();
    }

    static List<StepRow> steps(FindDeliveryHistory.DeliveryTimeline timeline) {
        List<StepRow> rows = new ArrayList<>();
        for (FindDeliveryHistory.Step step : FindDeliveryHistory.Step.values()) {
            Duration took = timeline.durations().get(step);
            rows.add(new StepRow(words(step.start()) + " to " + words(step.end()), took == null ? "-" : duration(took)));
        }
        return rows;
    }

    /** The colour class of a status: green delivered, blue read, red failed, grey on the way. */
    static String css(DeliveryStatus status) {
        if (status == DeliveryStatus.READ) {
            return "status-read";
        }
        if (DELIVERED.contains(status)) {
            return "status-delivered";
        }
        if (FAILED.contains(status)) {
            return "status-failed";
        }
        return status == DeliveryStatus.SENT ? "status-sent" : "status-pending";
    }

    static String error(DeliveryError error) {
        if (!error.isPresent()) {
            return "";
        }
        return error.code() + " " + error.meaning().map(TwilioError::title).orElse(error.message());
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String duration(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() < 120) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (duration.toMinutes() < 120) {
            return duration.toMinutes() + " min";
        }
        return duration.toHours() + " h";
    }

    private static String words(Milestone milestone) {
        return milestone.name().toLowerCase(Locale.ROOT);
    }

    private static long count(Figures figures, Set<DeliveryStatus> statuses) {
        return figures.byStatus().entrySet().stream().filter(entry -> statuses.contains(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String share(long part, long all) {
        return all == 0 ? "-" : percent((double) part / all);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String strings(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String series(String name, List<Long> values) {
        return "{\"name\":\"" + name + "\",\"data\":" + values + "}";
    }
}
