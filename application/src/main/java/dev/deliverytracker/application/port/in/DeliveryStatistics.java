package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.TwilioError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How well delivery went for the messages created in a range, per hour or per day, per channel and
 * per sender. The figures come from an hourly rollup, so the range is widened to whole UTC hours.
 */
public interface DeliveryStatistics {

    /** Senders shown one by one, by volume; the others are added up under {@link #OTHER_SENDERS}. */
    int TOP_SENDERS = 50;

    String OTHER_SENDERS = "other";

    /** The sender of messages sent from the organization's default From number or service. */
    String DEFAULT_SENDER = "default";

    /** {@link AccessRefused} unless the actor may read the query's organization. */
    Report statistics(Actor actor, Query query);

    /** {@code origin}: only the messages of that origin; empty for all. */
    record Query(OrganizationId organization, TimeRange range, StatisticsInterval interval, Optional<Origin> origin) {

        public Query(OrganizationId organization, TimeRange range, StatisticsInterval interval) {
            this(organization, range, interval, Optional.empty());
        }

        public Query {
            if (organization == null || range == null || interval == null || origin == null) {
                throw new IllegalArgumentException("statistics need the organization, a range and an interval");
            }
            if (range.length().compareTo(interval.longestRange()) > 0) {
                throw new IllegalArgumentException("a range by " + interval.name().toLowerCase(java.util.Locale.ROOT)
                        + " may span at most " + interval.longestRange().toDays() + " days");
            }
        }
    }

    /** {@code range} is the one asked for, widened to whole UTC hours. */
    /**
     * {@code byOrigin}: the figures of messages sent through the tracker ({@link Origin#API}) and of
     * those adopted from other applications' callbacks ({@link Origin#EXTERNAL}), over the whole range,
     * without {@code timeToDeliver} and {@code errors} (kept per channel only); an origin without
     * messages is left out.
     */
    record Report(TimeRange range, StatisticsInterval interval, Figures total, Map<Channel, Figures> byChannel,
            List<SenderFigures> bySender, Map<Origin, Figures> byOrigin, List<Bucket> buckets) {

        public Report {
            byChannel = Map.copyOf(byChannel);
            byOrigin = Map.copyOf(byOrigin);
            bySender = List.copyOf(bySender);
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * One sender's figures over the whole range (not per bucket), largest first, with
     * {@code timeToDeliver} empty and {@code errors} empty: the rollup keeps those per channel only.
     * {@code senders} is 1, or for {@link #OTHER_SENDERS} how many senders were added up.
     */
    record SenderFigures(String sender, int senders, Figures figures) {
    }

    /** One hour or day, starting at {@code start}, with only the buckets that had messages. */
    record Bucket(Instant start, Figures total, Map<Channel, Figures> byChannel) {

        public Bucket {
            byChannel = Map.copyOf(byChannel);
        }
    }

    /**
     * Counts by current status and what follows from them. Rates are fractions of all messages
     * ({@code readRate}: of the WhatsApp messages delivered or read); {@code timeToDeliver} is empty
     * when nothing was delivered.
     */
    record Figures(long messages, Map<DeliveryStatus, Long> byStatus, double deliveryRate, double readRate,
            double failureRate, Optional<DeliveryTimes> timeToDeliver, List<ErrorCount> errors) {

        public Figures {
            byStatus = Map.copyOf(byStatus);
            errors = List.copyOf(errors);
        }
    }

    /** Percentiles of delivered at minus sent at (created at when never marked sent). */
    record DeliveryTimes(Duration p50, Duration p90, Duration p99) {
    }

    record ErrorCount(int code, long count, Optional<TwilioError> meaning) {
    }
}
