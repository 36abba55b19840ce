package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.adapter.web.InsightsRequestReader;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindFailures;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.TwilioError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shapes the insights endpoints answer in; field names are the API's (see docs/api.md). */
final class InsightsResponses {

    private InsightsResponses() {
    }

    record Summary(String id, String channel, String to, String from, String sid, String status, Error error,
            Map<String, Instant> milestones, int attempts, Map<String, String> tags, Instant createdAt,
            String timelineUrl, String origin) {

        static Summary of(MessageSummary message) {
            Map<String, Instant> milestones = new LinkedHashMap<>();
            message.milestones().asMap().forEach((milestone, at) ->
                    milestones.put(milestone.name().toLowerCase(Locale.ROOT), at));
            return new Summary(message.id().toString(), message.channel().wireName(), message.to(),
                    message.from().isEmpty() ? null : message.from(), message.sid().isEmpty() ? null : message.sid(),
                    message.status().wireName(), Error.of(message.error()), milestones, message.attempts(),
                    message.tags(), message.createdAt(), "/api/v1/messages/" + message.id() + "/timeline",
                    message.origin().wireName());
        }
    }

    /** An error code with what it means; null when there is no error. */
    record Error(int code, String message, String meaning, boolean retryable, String suggestedAction,
            String moreInfo) {

        static Error of(DeliveryError error) {
            if (!error.isPresent()) {
                return null;
            }
            return error.meaning()
                    .map(known -> new Error(error.code(), blankToNull(error.message()), known.title(),
                            known.isRetryable(), known.suggestedAction(), known.moreInfo()))
                    .orElseGet(() -> new Error(error.code(), blankToNull(error.message()), null, false, null,
                            "https://www.twilio.com/docs/errors/" + error.code()));
        }
    }

    record Page(List<Summary> items, String next) {

        static Page of(dev.deliverytracker.application.port.in.ListMessages.MessagePage page) {
            return new Page(page.items().stream().map(Summary::of).toList(),
                    page.next().map(InsightsRequestReader::encode).orElse(null));
        }
    }

    record Event(String status, Error error, Instant receivedAt, String source, String sid,
            Map<String, Object> payload) {

        static Event of(TimelineEvent event) {
            return new Event(event.reportedStatus(), Error.of(event.error()), event.receivedAt(),
                    event.source().wireName(), event.sid().isEmpty() ? null : event.sid(),
                    event.payload().map(InsightsResponses::payload).orElse(null));
        }
    }

    record Timeline(Summary message, List<Event> events, Map<String, Long> durationsMs) {

        static Timeline of(FindDeliveryHistory.DeliveryTimeline timeline) {
            Map<String, Long> durations = new LinkedHashMap<>();
            for (FindDeliveryHistory.Step step : FindDeliveryHistory.Step.values()) {
                if (timeline.durations().containsKey(step)) {
                    durations.put(camel(step.name()), timeline.durations().get(step).toMillis());
                }
            }
            return new Timeline(Summary.of(timeline.message()),
                    timeline.events().stream().map(Event::of).toList(), durations);
        }
    }

    record Failure(int errorCode, long count, long failed, long undelivered, String meaning, boolean retryable,
            String retryAdvice, String suggestedAction, String moreInfo) {

        static Failure of(FindFailures.FailureGroup group) {
            return new Failure(group.errorCode(), group.count(), group.failed(), group.undelivered(),
                    group.meaning().map(TwilioError::title).orElse(null), group.retryable(),
                    group.meaning().map(known -> known.retryAdvice().name().toLowerCase(Locale.ROOT)).orElse(null),
                    group.suggestedAction(),
                    group.errorCode() == 0 ? null : "https://www.twilio.com/docs/errors/" + group.errorCode());
        }
    }

    record Failures(Instant from, Instant until, long total, List<Failure> failures) {
    }

    record Times(long p50, long p90, long p99) {
    }

    record ErrorCount(int code, long count, String meaning, boolean retryable) {
    }

    record Figures(long messages, Map<String, Long> byStatus, double deliveryRate, double readRate,
            double failureRate, Times timeToDeliverMs, List<ErrorCount> errors) {

        static Figures of(DeliveryStatistics.Figures figures) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            figures.byStatus().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> byStatus.put(entry.getKey().wireName(), entry.getValue()));
            return new Figures(figures.messages(), byStatus, figures.deliveryRate(), figures.readRate(),
                    figures.failureRate(),
                    figures.timeToDeliver().map(times -> new Times(times.p50().toMillis(), times.p90().toMillis(),
                            times.p99().toMillis())).orElse(null),
                    figures.errors().stream().map(error -> new ErrorCount(error.code(), error.count(),
                            error.meaning().map(TwilioError::title).orElse(null),
                            error.meaning().map(TwilioError::isRetryable).orElse(false))).toList());
        }
    }

    record Bucket(Instant start, Figures total, Map<String, Figures> byChannel) {
    }

    /** {@code senders}: only for "other", how many senders it adds up. */
    record Sender(String sender, Integer senders, Figures figures) {

        static Sender of(DeliveryStatistics.SenderFigures sender) {
            return new Sender(sender.sender(),
                    sender.sender().equals(DeliveryStatistics.OTHER_SENDERS) ? sender.senders() : null,
                    Figures.of(sender.figures()));
        }
    }

    record Statistics(Instant from, Instant until, String interval, Figures total, Map<String, Figures> byChannel,
            List<Sender> bySender, Map<String, Figures> byOrigin, List<Bucket> buckets) {

        static Statistics of(DeliveryStatistics.Report report) {
            Map<String, Figures> origins = new LinkedHashMap<>();
            report.byOrigin().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> origins.put(entry.getKey().wireName(), Figures.of(entry.getValue())));
            return new Statistics(report.range().from(), report.range().until(),
                    report.interval().name().toLowerCase(Locale.ROOT), Figures.of(report.total()),
                    channels(report.byChannel()), report.bySender().stream().map(Sender::of).toList(), origins,
                    report.buckets().stream().map(bucket -> new Bucket(bucket.start(), Figures.of(bucket.total()),
                            channels(bucket.byChannel()))).toList());
        }

        private static Map<String, Figures> channels(
                Map<dev.deliverytracker.domain.Channel, DeliveryStatistics.Figures> byChannel) {
            Map<String, Figures> shown = new LinkedHashMap<>();
            byChannel.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> shown.put(entry.getKey().wireName(), Figures.of(entry.getValue())));
            return shown;
        }
    }

    /** A stored form as JSON again: a parameter sent once is a string, a repeated one an array. */
    private static Map<String, Object> payload(Map<String, List<String>> form) {
        Map<String, Object> shown = new LinkedHashMap<>();
        form.forEach((name, values) -> shown.put(name, values.size() == 1 ? values.get(0) : values));
        return shown;
    }

    private static String camel(String constant) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
