package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryMessageQueries;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.FindDeliveryHistory.Step;
import dev.deliverytracker.application.port.in.FindFailures.FailureGroup;
import dev.deliverytracker.application.port.in.ListMessages.MessagePage;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.DeliveryTimeHistogram;
import dev.deliverytracker.application.port.out.MessageQueries.DeliveryTimeCount;
import dev.deliverytracker.application.port.out.MessageQueries.SenderCount;
import dev.deliverytracker.application.port.out.MessageQueries.ErrorCountRow;
import dev.deliverytracker.application.port.out.MessageQueries.FailureCount;
import dev.deliverytracker.application.port.out.MessageQueries.StatusCount;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.TwilioError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightsServicesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final OrganizationId ORG = OrganizationId.of(1);

    private final InMemoryMessageQueries queries = new InMemoryMessageQueries();
    private final MessageQueryService messages = new MessageQueryService(queries);

    @Test
    void pages_follow_one_another_without_gaps_or_repeats_and_the_last_has_no_next() {
        for (int i = 1; i <= 5; i++) {
            queries.add(ORG, message(i, T0.plusSeconds(i / 2), DeliveryStatus.DELIVERED, Milestones.none()));
        }
        List<Long> seen = new ArrayList<>();
        Optional<MessageCursor> after = Optional.empty();
        int pages = 0;
        do {
            MessagePage page = messages.list(Actors.PLATFORM, MessageFilter.all(ORG), after, 2);
            page.items().forEach(message -> seen.add(message.id().value()));
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_page_exactly_full_has_no_next_page() {
        queries.add(ORG, message(1, T0, DeliveryStatus.SENT, Milestones.none()))
                .add(ORG, message(2, T0, DeliveryStatus.SENT, Milestones.none()));

        assertThat(messages.list(Actors.PLATFORM, MessageFilter.all(ORG), Optional.empty(), 2).next()).isEmpty();
    }

    @Test
    void a_limit_outside_one_to_two_hundred_is_refused() {
        assertThatThrownBy(() -> messages.list(Actors.PLATFORM, MessageFilter.all(ORG), Optional.empty(), 0))
                .hasMessageContaining("limit must be between 1 and 200, was 0");
        assertThatThrownBy(() -> messages.list(Actors.PLATFORM, MessageFilter.all(ORG), Optional.empty(), 201))
                .hasMessageContaining("was 201");
    }

    @Test
    void durations_are_given_for_steps_whose_both_ends_were_reached_and_are_never_negative() {
        Milestones milestones = Milestones.of(Map.of(Milestone.QUEUED, T0, Milestone.SENT, T0.plusMillis(300),
                Milestone.DELIVERED, T0.plusMillis(200)));
        queries.add(ORG, message(7, T0, DeliveryStatus.DELIVERED, milestones));

        Map<Step, Duration> durations = messages.timeline(Actors.PLATFORM, ORG, MessageId.of(7), false).orElseThrow().durations();

        assertThat(durations).containsEntry(Step.QUEUED_TO_SENT, Duration.ofMillis(300))
                .containsEntry(Step.SENT_TO_DELIVERED, Duration.ZERO).doesNotContainKey(Step.DELIVERED_TO_READ);
        assertThat(messages.timeline(Actors.PLATFORM, OrganizationId.of(2), MessageId.of(7), false)).isEmpty();
    }

    @Test
    void failures_come_largest_first_with_their_meaning_and_an_unknown_code_is_not_advised_for_retry() {
        queries.failures(new FailureCount(21610, 2, 0), new FailureCount(30003, 0, 5), new FailureCount(99999, 1, 0));

        List<FailureGroup> groups = new FailureReportService(queries).failures(Actors.PLATFORM, ORG,
                new TimeRange(T0, T0.plusSeconds(3600)));

        assertThat(groups).extracting(FailureGroup::errorCode).containsExactly(30003, 21610, 99999);
        assertThat(groups.get(0).meaning()).hasValue(TwilioError.UNREACHABLE_HANDSET);
        assertThat(groups.get(0).retryable()).isTrue();
        assertThat(groups.get(1).retryable()).isFalse();
        assertThat(groups.get(2).retryable()).isFalse();
        assertThat(groups.get(2).suggestedAction()).contains("twilio.com/docs/errors/99999");
    }

    @Test
    void statistics_add_counts_across_buckets_and_channels_and_derive_the_rates() {
        Instant hour2 = T0.plusSeconds(3600);
        queries.statistics(List.of(
                        new StatusCount(T0, Channel.SMS, DeliveryStatus.DELIVERED, 6),
                        new StatusCount(T0, Channel.SMS, DeliveryStatus.UNDELIVERED, 2),
                        new StatusCount(hour2, Channel.WHATSAPP, DeliveryStatus.READ, 1),
                        new StatusCount(hour2, Channel.WHATSAPP, DeliveryStatus.DELIVERED, 1)),
                List.of(new DeliveryTimeCount(T0, Channel.SMS, DeliveryTimeHistogram.bucketOf(Duration.ofMillis(900)), 6),
                        new DeliveryTimeCount(hour2, Channel.WHATSAPP, DeliveryTimeHistogram.bucketOf(Duration.ofSeconds(5)), 2)),
                List.of(new ErrorCountRow(T0, Channel.SMS, 30003, 2)));

        DeliveryStatistics.Report report = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, new DeliveryStatistics.Query(
                ORG, new TimeRange(T0, T0.plusSeconds(7200)), StatisticsInterval.HOUR));

        assertThat(report.total().messages()).isEqualTo(10);
        assertThat(report.total().deliveryRate()).isEqualTo(0.8);
        assertThat(report.total().failureRate()).isEqualTo(0.2);
        assertThat(report.total().readRate()).isEqualTo(0.5);
        assertThat(report.total().timeToDeliver()).hasValueSatisfying(times -> {
            assertThat(times.p50().toMillis()).isCloseTo(900, org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(times.p99().toMillis()).isCloseTo(5000, org.assertj.core.data.Percentage.withPercentage(5));
        });
        assertThat(report.total().errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(30003);
            assertThat(error.meaning()).hasValue(TwilioError.UNREACHABLE_HANDSET);
        });
        assertThat(report.byChannel()).containsOnlyKeys(Channel.SMS, Channel.WHATSAPP);
        assertThat(report.buckets()).extracting(DeliveryStatistics.Bucket::start).containsExactly(T0, hour2);
        assertThat(report.buckets().get(1).total().messages()).isEqualTo(2);
        assertThat(report.buckets().get(1).total().timeToDeliver()).hasValueSatisfying(times ->
                assertThat(times.p50().toMillis()).isCloseTo(5000, org.assertj.core.data.Percentage.withPercentage(5)));
        assertThat(report.buckets().get(0).byChannel().get(Channel.SMS).timeToDeliver()).hasValueSatisfying(times ->
                assertThat(times.p99().toMillis()).isCloseTo(900, org.assertj.core.data.Percentage.withPercentage(5)));
        assertThat(report.buckets().get(1).byChannel()).containsOnlyKeys(Channel.WHATSAPP);
    }

    @Test
    void senders_come_largest_first_the_fifty_first_and_beyond_added_up_as_other() {
        List<SenderCount> counts = new ArrayList<>();
        for (int i = 1; i <= 53; i++) {
            counts.add(new SenderCount("+1500555" + (1000 + i), Channel.SMS, DeliveryStatus.DELIVERED, 100 + i));
        }
        counts.add(new SenderCount("+15005551001", Channel.SMS, DeliveryStatus.UNDELIVERED, 1000));
        counts.add(new SenderCount("", Channel.WHATSAPP, DeliveryStatus.READ, 3));
        counts.add(new SenderCount("", Channel.WHATSAPP, DeliveryStatus.DELIVERED, 1));
        queries.senders(counts);

        DeliveryStatistics.Report report = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, new DeliveryStatistics.Query(
                ORG, new TimeRange(T0, T0.plusSeconds(7200)), StatisticsInterval.HOUR));

        List<DeliveryStatistics.SenderFigures> senders = report.bySender();
        assertThat(senders).hasSize(DeliveryStatistics.TOP_SENDERS + 1);
        assertThat(senders.get(0).sender()).isEqualTo("+15005551001");
        assertThat(senders.get(0).figures().messages()).isEqualTo(1101);
        assertThat(senders.get(0).figures().failureRate()).isEqualTo(1000.0 / 1101);
        assertThat(senders.get(1).sender()).isEqualTo("+15005551053");
        DeliveryStatistics.SenderFigures other = senders.get(senders.size() - 1);
        // 54 senders: the 4 smallest are the WhatsApp default (4 messages) and +1500555100{2,3,4}.
        assertThat(other.sender()).isEqualTo(DeliveryStatistics.OTHER_SENDERS);
        assertThat(other.senders()).isEqualTo(4);
        assertThat(other.figures().messages()).isEqualTo(4 + 102 + 103 + 104);
        assertThat(other.figures().readRate()).isEqualTo(0.75);
        assertThat(senders.stream().mapToLong(sender -> sender.figures().messages()).sum())
                .isEqualTo(counts.stream().mapToLong(SenderCount::count).sum());
    }

    @Test
    void a_statistics_range_is_widened_to_whole_hours() {
        DeliveryStatistics.Report report = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, new DeliveryStatistics.Query(
                ORG, new TimeRange(T0.plusSeconds(1800), T0.plusSeconds(3 * 3600 + 1)), StatisticsInterval.HOUR));

        assertThat(report.range()).isEqualTo(new TimeRange(T0, T0.plusSeconds(4 * 3600)));
        assertThat(DeliveryStatisticsService.wholeHours(new TimeRange(T0, T0.plusSeconds(3600))))
                .isEqualTo(new TimeRange(T0, T0.plusSeconds(3600)));
    }

    @Test
    void a_percentile_from_the_histogram_is_within_five_percent_of_the_exact_one() {
        java.util.TreeMap<Integer, Long> histogram = new java.util.TreeMap<>();
        List<Long> exact = new ArrayList<>();
        for (long millis = 1; millis <= 100_000; millis += 37) {
            exact.add(millis);
            histogram.merge(DeliveryTimeHistogram.bucketOf(Duration.ofMillis(millis)), 1L, Long::sum);
        }
        for (double fraction : new double[] {0.5, 0.9, 0.99}) {
            long nearestRank = exact.get((int) Math.ceil(fraction * exact.size()) - 1);
            assertThat(DeliveryTimeHistogram.percentile(histogram, fraction).orElseThrow().toMillis())
                    .isCloseTo(nearestRank, org.assertj.core.data.Percentage.withPercentage(5));
        }
        assertThat(DeliveryTimeHistogram.percentile(new java.util.TreeMap<>(), 0.5)).isEmpty();
        assertThat(DeliveryTimeHistogram.bucketOf(Duration.ofNanos(500_000))).isZero();
    }

    @Test
    void a_range_too_long_for_its_interval_is_refused() {
        assertThatThrownBy(() -> new DeliveryStatistics.Query(ORG, new TimeRange(T0, T0.plus(Duration.ofDays(32))),
                StatisticsInterval.HOUR)).hasMessageContaining("at most 31 days");
        assertThatThrownBy(() -> new TimeRange(T0, T0)).hasMessageContaining("'until' must be after 'from'");
    }

    private static MessageSummary message(long id, Instant createdAt, DeliveryStatus status, Milestones milestones) {
        return new MessageSummary(MessageId.of(id), Channel.SMS, "+31612345678", "", "", status, DeliveryError.NONE,
                Map.of(), milestones, 1, createdAt, dev.deliverytracker.domain.Origin.API);
    }
}
