package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.MessageQueries.DeliveryTimeRow;
import dev.deliverytracker.application.port.out.MessageQueries.ErrorCountRow;
import dev.deliverytracker.application.port.out.MessageQueries.StatusCount;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.TwilioError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Statistics from three grouped queries: counts by status, time-to-deliver percentiles and error
 * codes. Counts add up across buckets and channels; percentiles do not, so the store computes them
 * for every grouping that is shown.
 */
public class DeliveryStatisticsService implements DeliveryStatistics {

    private final MessageQueries queries;

    public DeliveryStatisticsService(MessageQueries queries) {
        this.queries = queries;
    }

    @Override
    public Report statistics(Query query) {
        List<StatusCount> counts = queries.statusCounts(query.organization(), query.range(), query.interval());
        List<DeliveryTimeRow> times = queries.deliveryTimes(query.organization(), query.range(), query.interval());
        List<ErrorCountRow> errors = queries.errorCounts(query.organization(), query.range(), query.interval());

        TreeSet<Instant> starts = new TreeSet<>();
        counts.forEach(count -> starts.add(count.bucket()));
        List<Bucket> buckets = new ArrayList<>();
        for (Instant start : starts) {
            buckets.add(new Bucket(start, figures(counts, times, errors, Optional.of(start), Optional.empty()),
                    byChannel(counts, times, errors, Optional.of(start))));
        }
        return new Report(query.range(), query.interval(),
                figures(counts, times, errors, Optional.empty(), Optional.empty()),
                byChannel(counts, times, errors, Optional.empty()), buckets);
    }

    private static Map<Channel, Figures> byChannel(List<StatusCount> counts, List<DeliveryTimeRow> times,
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

    static Figures figures(List<StatusCount> counts, List<DeliveryTimeRow> times, List<ErrorCountRow> errors,
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
        Optional<DeliveryTimes> timeToDeliver = times.stream()
                .filter(row -> row.bucket().equals(bucket) && row.channel().equals(channel))
                .findFirst().map(row -> new DeliveryTimes(row.p50(), row.p90(), row.p99()));
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
