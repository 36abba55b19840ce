package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.DeliveryTimeHistogram;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.out.MessageQueries.DeliveryTimeCount;
import dev.deliverytracker.application.port.out.MessageQueries.ErrorCountRow;
import dev.deliverytracker.application.port.out.MessageQueries.OriginCount;
import dev.deliverytracker.application.port.out.MessageQueries.SenderCount;
import dev.deliverytracker.application.port.out.MessageQueries.StatusCount;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.TwilioError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Statistics from five grouped queries over the hourly rollup: counts by status, time-to-deliver
 * histograms, error codes, counts by sender and counts by origin. Counts and histograms add up across hours, buckets
 * and channels, so each grouping shown is a sum here; percentiles are read from the summed histogram.
 */
public class DeliveryStatisticsService implements DeliveryStatistics {

    private final MessageQueries queries;

    public DeliveryStatisticsService(MessageQueries queries) {
        this.queries = queries;
    }

    @Override
    public Report statistics(Actor actor, Query query) {
        AccessPolicy.require(actor, query.organization(), AccessPolicy.Need.READ, "organization");
        TimeRange hours = wholeHours(query.range());
        List<StatusCount> counts = queries.statusCounts(query.organization(), hours, query.interval(), query.origin());
        List<DeliveryTimeCount> times = queries.deliveryTimes(query.organization(), hours, query.interval(),
                query.origin());
        List<ErrorCountRow> errors = queries.errorCounts(query.organization(), hours, query.interval(), query.origin());
        List<SenderCount> senders = queries.senderCounts(query.organization(), hours, query.origin());
        List<OriginCount> origins = queries.originCounts(query.organization(), hours).stream()
                .filter(count -> query.origin().map(count.origin()::equals).orElse(true)).toList();

        // Each bucket's figures from its own rows: a month by hour is 744 buckets and ~100,000 histogram rows.
        Map<Instant, List<StatusCount>> countsByBucket = counts.stream().collect(Collectors.groupingBy(StatusCount::bucket));
        Map<Instant, List<DeliveryTimeCount>> timesByBucket = times.stream()
                .collect(Collectors.groupingBy(DeliveryTimeCount::bucket));
        Map<Instant, List<ErrorCountRow>> errorsByBucket = errors.stream()
                .collect(Collectors.groupingBy(ErrorCountRow::bucket));
        List<Bucket> buckets = new ArrayList<>();
        for (Instant start : new TreeSet<>(countsByBucket.keySet())) {
            List<StatusCount> bucketCounts = countsByBucket.get(start);
            List<DeliveryTimeCount> bucketTimes = timesByBucket.getOrDefault(start, List.of());
            List<ErrorCountRow> bucketErrors = errorsByBucket.getOrDefault(start, List.of());
            buckets.add(new Bucket(start,
                    figures(bucketCounts, bucketTimes, bucketErrors, Optional.of(start), Optional.empty()),
                    byChannel(bucketCounts, bucketTimes, bucketErrors, Optional.of(start))));
        }
        return new Report(hours, query.interval(),
                figures(counts, times, errors, Optional.empty(), Optional.empty()),
                byChannel(counts, times, errors, Optional.empty()), bySender(senders, hours.from()),
                byOrigin(origins, hours.from()), buckets);
    }

    /** The rollup counts whole hours: from the hour {@code from} is in to the end of the hour before {@code until}. */
    static TimeRange wholeHours(TimeRange range) {
        Instant from = range.from().truncatedTo(ChronoUnit.HOURS);
        Instant until = range.until().truncatedTo(ChronoUnit.HOURS);
        return new TimeRange(from, until.equals(range.until()) ? until : until.plus(Duration.ofHours(1)));
    }

    /** The {@link #TOP_SENDERS} largest senders one by one, the rest added up as {@link #OTHER_SENDERS}. */
    static List<SenderFigures> bySender(List<SenderCount> counts, Instant anyBucket) {
        Map<String, Long> volume = new HashMap<>();
        counts.forEach(count -> volume.merge(count.sender(), count.count(), Long::sum));
        List<String> ranked = volume.keySet().stream()
                .sorted(Comparator.<String>comparingLong(volume::get).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        List<String> shown = ranked.subList(0, Math.min(TOP_SENDERS, ranked.size()));
        List<SenderFigures> figures = new ArrayList<>();
        for (String sender : shown) {
            figures.add(new SenderFigures(sender.isEmpty() ? DEFAULT_SENDER : sender, 1,
                    senderFigures(counts, anyBucket, count -> count.sender().equals(sender))));
        }
        if (ranked.size() > shown.size()) {
            Set<String> others = new HashSet<>(ranked.subList(shown.size(), ranked.size()));
            figures.add(new SenderFigures(OTHER_SENDERS, others.size(),
                    senderFigures(counts, anyBucket, count -> others.contains(count.sender()))));
        }
        return figures;
    }

    static Map<Origin, Figures> byOrigin(List<OriginCount> counts, Instant anyBucket) {
        Map<Origin, Figures> byOrigin = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            List<StatusCount> asStatus = counts.stream().filter(count -> count.origin() == origin)
                    .map(count -> new StatusCount(anyBucket, count.channel(), count.status(), count.count())).toList();
            if (!asStatus.isEmpty()) {
                byOrigin.put(origin, figures(asStatus, List.of(), List.of(), Optional.empty(), Optional.empty()));
            }
        }
        return byOrigin;
    }

    private static Figures senderFigures(List<SenderCount> counts, Instant anyBucket, Predicate<SenderCount> which) {
        List<StatusCount> asStatus = counts.stream().filter(which)
                .map(count -> new StatusCount(anyBucket, count.channel(), count.status(), count.count())).toList();
        return figures(asStatus, List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private static Map<Channel, Figures> byChannel(List<StatusCount> counts, List<DeliveryTimeCount> times,
            List<ErrorCountRow> errors, Optional<Instant> bucket) {
        Map<Channel, Figures> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            boolean any = counts.stream().anyMatch(count -> count.channel() == channel
                    && bucket.map(start -> start.equals(count.bucket())).orElse(true));
            if (any) {
                byChannel.put(channel, figures(counts, times, errors, bucket, Optional.of(channel)));
            }
        }
        return byChannel;
    }

    static Figures figures(List<StatusCount> counts, List<DeliveryTimeCount> times, List<ErrorCountRow> errors,
            Optional<Instant> bucket, Optional<Channel> channel) {
        Predicate<Instant> inBucket = start -> bucket.map(start::equals).orElse(true);
        Predicate<Channel> onChannel = value -> channel.map(value::equals).orElse(true);
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        long whatsappDelivered = 0;
        long whatsappRead = 0;
        for (StatusCount count : counts) {
            if (inBucket.test(count.bucket()) && onChannel.test(count.channel())) {
                byStatus.merge(count.status(), count.count(), Long::sum);
                if (count.channel() == Channel.WHATSAPP && reachedHandset(count.status())) {
                    whatsappDelivered += count.count();
                    whatsappRead += count.status() == DeliveryStatus.READ ? count.count() : 0;
                }
            }
        }
        long messages = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long delivered = byStatus.entrySet().stream().filter(entry -> reachedHandset(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long failed = byStatus.entrySet().stream().filter(entry -> entry.getKey().isFailure())
                .mapToLong(Map.Entry::getValue).sum();
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        times.stream().filter(row -> inBucket.test(row.bucket()) && onChannel.test(row.channel()))
                .forEach(row -> histogram.merge(row.histogramBucket(), row.count(), Long::sum));
        histogram.values().removeIf(count -> count <= 0);
        Optional<DeliveryTimes> timeToDeliver = DeliveryTimeHistogram.percentile(histogram, 0.5)
                .map(p50 -> new DeliveryTimes(p50, DeliveryTimeHistogram.percentile(histogram, 0.9).orElseThrow(),
                        DeliveryTimeHistogram.percentile(histogram, 0.99).orElseThrow()));
        Map<Integer, Long> byCode = new TreeMap<>();
        errors.stream().filter(row -> inBucket.test(row.bucket()) && onChannel.test(row.channel()))
                .forEach(row -> byCode.merge(row.code(), row.count(), Long::sum));
        List<ErrorCount> errorCounts = byCode.entrySet().stream()
                .map(entry -> new ErrorCount(entry.getKey(), entry.getValue(), TwilioError.byCode(entry.getKey())))
                .sorted(Comparator.comparingLong(ErrorCount::count).reversed())
                .toList();
        return new Figures(messages, byStatus, rate(delivered, messages), rate(whatsappRead, whatsappDelivered),
                rate(failed, messages), timeToDeliver, errorCounts);
    }

    /** Delivered, or further along: a read message was delivered first. */
    private static boolean reachedHandset(DeliveryStatus status) {
        return status == DeliveryStatus.DELIVERED || status == DeliveryStatus.READ;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
