package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.in.DeliveryStatistics;

import dev.deliverytracker.application.port.DeliveryTimeHistogram;
import dev.deliverytracker.application.service.DeliveryStatisticsService;

import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.MessageQueries.StatusCount;
import dev.deliverytracker.application.port.out.StatisticsRollup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The read side on PostgreSQL, each test in an organization of its own and in 2002, so nothing else is in range. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcMessageQueriesTest {

    private static final Instant T0 = Instant.parse("2002-03-04T10:00:00Z");
    private static final org.assertj.core.data.Percentage WITHIN_5_PERCENT = org.assertj.core.data.Percentage.withPercentage(5);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MessageQueries queries;

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatisticsRollup rollup;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void pages_are_newest_first_and_a_cursor_continues_after_ties_on_the_creation_time() {
        OrganizationId org = organization();
        MessageId oldest = pending(org, Address.sms("+31612000001"), Map.of(), T0);
        MessageId tieA = pending(org, Address.sms("+31612000002"), Map.of(), T0.plusSeconds(1));
        MessageId tieB = pending(org, Address.sms("+31612000003"), Map.of(), T0.plusSeconds(1));
        MessageId newest = pending(org, Address.sms("+31612000004"), Map.of(), T0.plusSeconds(2));

        List<MessageId> seen = new ArrayList<>();
        Optional<MessageCursor> after = Optional.empty();
        do {
            List<MessageSummary> page = queries.page(MessageFilter.all(org), after, 1);
            page.forEach(message -> seen.add(message.id()));
            after = page.isEmpty() ? Optional.empty() : Optional.of(page.get(0).cursor());
        } while (after.isPresent());

        assertThat(seen).containsExactly(newest, tieB, tieA, oldest);
    }

    @Test
    void each_filter_narrows_the_list_and_all_of_them_must_hold() {
        OrganizationId org = organization();
        MessageSid deliveredSid = DeliveryStoreContract.randomSid();
        MessageId delivered = pending(org, Address.sms("+31612000011"), Map.of("campaign", "spring"), T0);
        accepted(delivered, deliveredSid, T0.plusSeconds(1));
        report(org, delivered, deliveredSid, DeliveryStatus.DELIVERED, DeliveryError.NONE, T0.plusSeconds(5));
        MessageSid failedSid = DeliveryStoreContract.randomSid();
        MessageId undelivered = pending(org, Address.whatsapp("+31612000012"), Map.of("campaign", "spring"),
                T0.plusSeconds(10));
        accepted(undelivered, failedSid, T0.plusSeconds(11));
        report(org, undelivered, failedSid, DeliveryStatus.UNDELIVERED, DeliveryError.of(30003, ""), T0.plusSeconds(15));
        MessageId other = pending(org, Address.sms("+31612000013"), Map.of("campaign", "autumn"), T0.plusSeconds(20));

        MessageFilter all = MessageFilter.all(org);
        assertThat(ids(all)).containsExactly(other, undelivered, delivered);
        assertThat(ids(all.withStatus(DeliveryStatus.DELIVERED))).containsExactly(delivered);
        assertThat(ids(all.withChannel(Channel.WHATSAPP))).containsExactly(undelivered);
        assertThat(ids(all.withTo(Address.sms("+31612000013")))).containsExactly(other);
        assertThat(ids(all.withErrorCode(30003))).containsExactly(undelivered);
        assertThat(ids(all.withTag(new MessageFilter.Tag("campaign", "spring")))).containsExactly(undelivered, delivered);
        assertThat(ids(all.withTag(new MessageFilter.Tag("campaign", "spring")).withChannel(Channel.SMS)))
                .containsExactly(delivered);
        assertThat(ids(all.createdFrom(T0.plusSeconds(10)).createdUntil(T0.plusSeconds(20)))).containsExactly(undelivered);
        assertThat(ids(all.withSidPrefix(deliveredSid.value()))).containsExactly(delivered);
        assertThat(ids(MessageFilter.all(organization()))).isEmpty();
    }

    @Test
    void a_summary_carries_status_error_tags_and_milestones() {
        OrganizationId org = organization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.whatsapp("+31612000021"), Map.of("order", "42"), T0);
        accepted(id, sid, T0.plusSeconds(1));
        report(org, id, sid, DeliveryStatus.SENT, DeliveryError.NONE, T0.plusSeconds(2));
        report(org, id, sid, DeliveryStatus.DELIVERED, DeliveryError.NONE, T0.plusSeconds(4));
        report(org, id, sid, DeliveryStatus.READ, DeliveryError.NONE, T0.plusSeconds(9));

        MessageSummary message = queries.find(org, id).orElseThrow();

        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.to()).isEqualTo("+31612000021");
        assertThat(message.sid()).isEqualTo(sid.value());
        assertThat(message.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(message.tags()).isEqualTo(Map.of("order", "42"));
        assertThat(message.milestones().at(Milestone.SENT)).hasValue(T0.plusSeconds(2));
        assertThat(message.milestones().at(Milestone.READ)).hasValue(T0.plusSeconds(9));
        assertThat(queries.find(organization(), id)).isEmpty();
    }

    @Test
    void the_timeline_has_every_event_oldest_first_a_send_failure_without_a_sid_and_the_payload_on_demand() {
        OrganizationId org = organization();
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.sms("+31612000031"), Map.of(), T0);
        log.sendFailed(id, DeliveryError.of(20429, "Too many requests"), T0.plusSeconds(1));
        accepted(id, sid, T0.plusSeconds(3));
        report(org, id, sid, DeliveryStatus.DELIVERED, DeliveryError.NONE, T0.plusSeconds(8));

        List<TimelineEvent> events = queries.events(org, id, true);

        assertThat(events).extracting(TimelineEvent::source)
                .containsExactly(EventSource.SEND_FAILURE, EventSource.SEND_RESPONSE, EventSource.CALLBACK);
        assertThat(events.get(0).sid()).isEmpty();
        assertThat(events.get(0).error().code()).isEqualTo(20429);
        assertThat(events.get(2).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(events.get(2).payload()).hasValueSatisfying(payload ->
                assertThat(payload).containsEntry("MessageStatus", List.of("delivered")));
        assertThat(queries.events(org, id, false)).allSatisfy(event -> assertThat(event.payload()).isEmpty());
        assertThat(queries.events(organization(), id, true)).isEmpty();
    }

    @Test
    void failures_are_counted_by_error_code_within_the_range_they_failed_in() {
        OrganizationId org = organization();
        for (int i = 0; i < 3; i++) {
            undelivered(org, 30003, T0.plusSeconds(i));
        }
        failed(org, 21610, T0.plusSeconds(5));
        undelivered(org, 30003, T0.plus(Duration.ofDays(2)));

        assertThat(queries.failures(org, new TimeRange(T0, T0.plus(Duration.ofDays(1)))))
                .containsExactlyInAnyOrder(new MessageQueries.FailureCount(30003, 0, 3),
                        new MessageQueries.FailureCount(21610, 1, 0));
    }

    @Test
    void statistics_count_per_bucket_channel_and_status_and_take_percentiles_of_the_time_to_deliver() {
        OrganizationId org = organization();
        // Delivered after 1, 2, 3 and 4 seconds in the first hour, after 10 seconds in the second.
        for (int i = 1; i <= 4; i++) {
            delivered(org, Address.sms("+3161200010" + i), T0.plusSeconds(i * 60L), Duration.ofSeconds(i));
        }
        delivered(org, Address.whatsapp("+31612000110"), T0.plus(Duration.ofMinutes(70)), Duration.ofSeconds(10));
        undelivered(org, 30003, T0.plusSeconds(600));
        TimeRange day = new TimeRange(T0.minus(Duration.ofHours(10)), T0.plus(Duration.ofHours(10)));

        assertThat(queries.statusCounts(org, day, StatisticsInterval.HOUR, Optional.empty())).containsExactlyInAnyOrder(
                new StatusCount(T0, Channel.SMS, DeliveryStatus.DELIVERED, 4),
                new StatusCount(T0, Channel.SMS, DeliveryStatus.UNDELIVERED, 1),
                new StatusCount(T0.plus(Duration.ofHours(1)), Channel.WHATSAPP, DeliveryStatus.DELIVERED, 1));
        assertThat(queries.statusCounts(org, day, StatisticsInterval.DAY, Optional.empty())).extracting(StatusCount::bucket)
                .containsOnly(Instant.parse("2002-03-04T00:00:00Z"));

        // Percentiles come from the rollup's histogram: nearest rank, within 5%.
        DeliveryStatistics.Report report = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, 
                new DeliveryStatistics.Query(org, day, StatisticsInterval.HOUR));
        DeliveryStatistics.Bucket first = report.buckets().get(0);
        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.total().timeToDeliver()).hasValueSatisfying(times -> {
            assertThat(times.p50().toMillis()).isCloseTo(2000, WITHIN_5_PERCENT);
            assertThat(times.p90().toMillis()).isCloseTo(4000, WITHIN_5_PERCENT);
        });
        assertThat(report.total().timeToDeliver()).hasValueSatisfying(times ->
                assertThat(times.p50().toMillis()).isCloseTo(3000, WITHIN_5_PERCENT));
        assertThat(report.byChannel().get(Channel.WHATSAPP).timeToDeliver()).hasValueSatisfying(times ->
                assertThat(times.p99().toMillis()).isCloseTo(10_000, WITHIN_5_PERCENT));
        assertThat(queries.errorCounts(org, day, StatisticsInterval.HOUR, Optional.empty()))
                .containsExactly(new MessageQueries.ErrorCountRow(T0, Channel.SMS, 30003, 1));
    }

    @Test
    void statistics_per_sender_and_status_equal_a_count_over_the_messages_before_and_after_a_fold() {
        OrganizationId org = organization();
        jdbc.sql("""
                insert into messages (org_id, channel, to_address, from_address, messaging_service_sid, body, status,
                                      error_code, created_at)
                select :org, case when n % 3 = 0 then 'whatsapp' else 'sms' end, '+31612000500',
                       case when n % 5 = 0 then null when n % 5 = 1 then '+15005550001' else '+1500555000' || (n % 4) end,
                       case when n % 10 = 0 then 'MG' || md5('service') end, 'hi',
                       case when n % 7 = 0 then 'undelivered' else 'sent' end,
                       case when n % 7 = 0 then 30003 end,
                       cast(:t0 as timestamptz) + n * interval '7 minutes'
                from generate_series(1, 300) n
                """).param("org", org.value()).param("t0", Timestamp.from(T0)).update();
        // Status changes after the insert, some folded and some still pending, and a deletion.
        jdbc.sql("update messages set status = 'delivered', delivered_at = created_at + interval '3 seconds'"
                + " where org_id = :org and status = 'sent' and message_id % 2 = 0").param("org", org.value()).update();
        rollup.fold();
        jdbc.sql("update messages set status = 'read' where org_id = :org and channel = 'whatsapp' and status = 'delivered'"
                + " and message_id % 3 = 0").param("org", org.value()).update();
        jdbc.sql("delete from messages where org_id = :org and message_id % 11 = 0").param("org", org.value()).update();
        TimeRange range = new TimeRange(T0, T0.plus(Duration.ofDays(2)));

        List<String> expected = jdbc.sql("""
                select coalesce(from_address, messaging_service_sid, '') || ' ' || channel || ' ' || status || ' ' || n
                from (select from_address, messaging_service_sid, channel, status, count(*) as n from messages
                      where org_id = :org and created_at >= :from and created_at < :until group by 1, 2, 3, 4) c
                """).param("org", org.value()).param("from", Timestamp.from(range.from()))
                .param("until", Timestamp.from(range.until())).query(String.class).list();
        List<String> counted = queries.senderCounts(org, range, Optional.empty()).stream()
                .map(row -> row.sender() + " " + row.channel().wireName() + " " + row.status().wireName() + " " + row.count())
                .toList();
        assertThat(counted).containsExactlyInAnyOrderElementsOf(expected);
        rollup.fold();
        assertThat(queries.senderCounts(org, range, Optional.empty()).stream()
                .map(row -> row.sender() + " " + row.channel().wireName() + " " + row.status().wireName() + " " + row.count())
                .toList()).containsExactlyInAnyOrderElementsOf(expected);

        List<String> statuses = jdbc.sql("""
                select to_char(hour at time zone 'UTC', 'YYYY-MM-DD HH24') || ' ' || channel || ' ' || status || ' ' || n
                from (select date_trunc('hour', created_at, 'UTC') as hour, channel, status, count(*) as n
                      from messages where org_id = :org group by 1, 2, 3) c
                """).param("org", org.value()).query(String.class).list();
        assertThat(queries.statusCounts(org, range, StatisticsInterval.HOUR, Optional.empty()).stream()
                .map(row -> row.bucket().toString().substring(0, 13).replace('T', ' ') + " " + row.channel().wireName()
                        + " " + row.status().wireName() + " " + row.count()).toList())
                .containsExactlyInAnyOrderElementsOf(statuses);
        long delivered = jdbc.sql("select count(*) from messages where org_id = :org and delivered_at is not null")
                .param("org", org.value()).query(Long.class).single();
        List<MessageQueries.DeliveryTimeCount> times = queries.deliveryTimes(org, range, StatisticsInterval.DAY, Optional.empty());
        assertThat(times).extracting(MessageQueries.DeliveryTimeCount::histogramBucket)
                .containsOnly(DeliveryTimeHistogram.bucketOf(Duration.ofSeconds(3)));
        assertThat(times.stream().mapToLong(MessageQueries.DeliveryTimeCount::count).sum()).isEqualTo(delivered);
        long undelivered = jdbc.sql("select count(*) from messages where org_id = :org and error_code = 30003")
                .param("org", org.value()).query(Long.class).single();
        assertThat(queries.errorCounts(org, range, StatisticsInterval.DAY, Optional.empty()).stream().mapToLong(MessageQueries.ErrorCountRow::count)
                .sum()).isEqualTo(undelivered);
    }

    @Test
    void statistics_per_origin_equal_a_count_over_the_messages_before_and_after_a_fold() {
        OrganizationId org = organization();
        jdbc.sql("""
                insert into messages (org_id, channel, to_address, body, status, origin, created_at)
                select :org, case when n % 3 = 0 then 'whatsapp' else 'sms' end, '+31612000600',
                       case when n % 4 = 0 then null else 'hi' end,
                       case when n % 7 = 0 then 'undelivered' else 'sent' end,
                       case when n % 4 = 0 then 'external' else 'api' end,
                       cast(:t0 as timestamptz) + n * interval '11 minutes'
                from generate_series(1, 200) n
                """).param("org", org.value()).param("t0", Timestamp.from(T0)).update();
        jdbc.sql("update messages set status = 'delivered' where org_id = :org and status = 'sent' and message_id % 2 = 0")
                .param("org", org.value()).update();
        rollup.fold();
        jdbc.sql("update messages set status = 'read' where org_id = :org and channel = 'whatsapp' and status = 'delivered'")
                .param("org", org.value()).update();
        jdbc.sql("delete from messages where org_id = :org and message_id % 13 = 0").param("org", org.value()).update();
        TimeRange range = new TimeRange(T0, T0.plus(Duration.ofDays(2)));

        List<String> expected = jdbc.sql("""
                select origin || ' ' || channel || ' ' || status || ' ' || count(*) from messages
                where org_id = :org group by origin, channel, status
                """).param("org", org.value()).query(String.class).list();
        java.util.function.Supplier<List<String>> counted = () -> queries.originCounts(org, range).stream()
                .map(row -> row.origin().wireName() + " " + row.channel().wireName() + " " + row.status().wireName()
                        + " " + row.count()).toList();
        assertThat(counted.get()).as("with changes still pending").containsExactlyInAnyOrderElementsOf(expected);
        rollup.fold();
        assertThat(counted.get()).as("all folded").containsExactlyInAnyOrderElementsOf(expected);

        DeliveryStatistics.Report report = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, 
                new DeliveryStatistics.Query(org, range, StatisticsInterval.DAY));
        long external = jdbc.sql("select count(*) from messages where org_id = :org and origin = 'external'")
                .param("org", org.value()).query(Long.class).single();
        assertThat(report.byOrigin().get(Origin.EXTERNAL).messages()).isEqualTo(external);
        assertThat(report.byOrigin().get(Origin.API).messages() + external).isEqualTo(report.total().messages());

        // As a filter: every statistic of the adopted messages only.
        List<String> externalStatuses = jdbc.sql("""
                select channel || ' ' || status || ' ' || count(*) from messages
                where org_id = :org and origin = 'external' group by channel, status
                """).param("org", org.value()).query(String.class).list();
        assertThat(queries.statusCounts(org, range, StatisticsInterval.DAY, Optional.of(Origin.EXTERNAL)).stream()
                .collect(java.util.stream.Collectors.groupingBy(row -> row.channel().wireName() + " "
                        + row.status().wireName(), java.util.stream.Collectors.summingLong(StatusCount::count)))
                .entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).toList())
                .containsExactlyInAnyOrderElementsOf(externalStatuses);
        DeliveryStatistics.Report adopted = new DeliveryStatisticsService(queries).statistics(Actors.PLATFORM, 
                new DeliveryStatistics.Query(org, range, StatisticsInterval.DAY, Optional.of(Origin.EXTERNAL)));
        assertThat(adopted.total().messages()).isEqualTo(external);
        assertThat(adopted.byOrigin()).containsOnlyKeys(Origin.EXTERNAL);
        assertThat(adopted.bySender().stream().mapToLong(sender -> sender.figures().messages()).sum())
                .isEqualTo(external);
    }

    @Test
    void a_sid_prefix_finds_the_sids_starting_with_it_case_sensitively() {
        OrganizationId org = organization();
        MessageSid first = MessageSid.of("SM" + "ab12" + "0".repeat(25) + "001");
        MessageSid second = MessageSid.of("SM" + "ab12" + "f".repeat(25) + "002");
        MessageSid third = MessageSid.of("SM" + "ab13" + "0".repeat(25) + "003");
        List<MessageId> ids = new ArrayList<>();
        for (MessageSid sid : List.of(first, second, third)) {
            MessageId id = pending(org, Address.sms("+31612000600"), Map.of(), T0.plusSeconds(ids.size()));
            accepted(id, sid, T0.plusSeconds(ids.size()));
            ids.add(id);
        }
        MessageFilter all = MessageFilter.all(org);

        assertThat(ids(all.withSidPrefix("SMab12"))).containsExactly(ids.get(1), ids.get(0));
        assertThat(ids(all.withSidPrefix("SMab1"))).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(all.withSidPrefix(third.value()))).containsExactly(ids.get(2));
        assertThat(ids(all.withSidPrefix("SMAB12"))).isEmpty();
        assertThat(ids(all.withSidPrefix("SMab129"))).isEmpty();
        assertThat(ids(MessageFilter.all(organization()).withSidPrefix("SMab12"))).isEmpty();
    }

    @Test
    void the_sid_prefix_search_is_a_range_on_the_unique_sid_index() {
        jdbc.sql("set enable_seqscan = off").update();
        try {
            // Whether the planner takes it over the organization's index depends on the sizes (see the
            // benchmark's plans); here: that it can.
            assertThat(plan("select message_id from messages where whatsapp_msg_sid ~>=~ 'SMab12'"
                    + " and whatsapp_msg_sid ~<~ 'SMab13'")).contains("messages_sid_unique");
        } finally {
            jdbc.sql("set enable_seqscan = on").update();
        }
    }

    @Test
    void the_export_hands_over_every_row_newest_first_from_inside_a_read_only_transaction() {
        OrganizationId org = organization();
        jdbc.sql("""
                insert into messages (org_id, channel, to_address, body, status, created_at)
                select :org, 'sms', '+31612345678', 'bulk', 'pending', cast(:t0 as timestamptz) + n * interval '1 second'
                from generate_series(1, 2500) n
                """).param("org", org.value()).param("t0", Timestamp.from(T0)).update();

        List<Instant> seen = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        long count = queries.each(MessageFilter.all(org), message -> {
            if (seen.isEmpty()) {
                // The driver streams by the fetch size only inside a transaction: show the rows come in one.
                readOnly.add(jdbc.sql("select current_setting('transaction_read_only')").query(String.class).single());
            }
            seen.add(message.createdAt());
        });

        assertThat(count).isEqualTo(2_500);
        assertThat(seen).hasSize(2_500).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(readOnly).containsExactly("on");
    }

    @Test
    void the_recipient_and_tag_filters_can_use_their_indexes() {
        jdbc.sql("set enable_seqscan = off").update();
        try {
            assertThat(plan("select message_id from messages where org_id = 1 and to_address = '+31612345678'"
                    + " order by created_at desc, message_id desc limit 50")).contains("messages_org_to_created_idx");
            assertThat(plan("select message_id from messages where tags @> '{\"campaign\":\"spring\"}'"))
                    .contains("messages_tags_idx");
            assertThat(plan("select message_id from messages where org_id = 1"
                    + " and (created_at, message_id) < ('2002-01-01', 5) order by created_at desc, message_id desc limit 50"))
                    .contains("messages_org_created_idx");
        } finally {
            jdbc.sql("set enable_seqscan = on").update();
        }
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
    }

    private List<MessageId> ids(MessageFilter filter) {
        return queries.page(filter, Optional.empty(), 100).stream().map(MessageSummary::id).toList();
    }

    private OrganizationId organization() {
        AccountSid own = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + own, new TwilioAccountCredentials(own, "token", ""));
    }

    private MessageId pending(OrganizationId org, Address to, Map<String, String> tags, Instant createdAt) {
        return messages.add(Message.pending(org, to, Sender.organizationDefault(), new MessageContent.Text("hi"), tags,
                Optional.empty(), createdAt)).id().orElseThrow();
    }

    private void accepted(MessageId id, MessageSid sid, Instant at) {
        log.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, at));
    }

    private void report(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status, DeliveryError error,
            Instant at) {
        log.append(new ReportedEvent(DeliveryEvent.of(sid, status, error, EventSource.CALLBACK, at),
                MessageLookup.byId(id), org, account, Map.of("MessageSid", List.of(sid.value()),
                        "MessageStatus", List.of(status.wireName())), ""));
    }

    private void delivered(OrganizationId org, Address to, Instant createdAt, Duration sentToDelivered) {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, to, Map.of(), createdAt);
        accepted(id, sid, createdAt);
        report(org, id, sid, DeliveryStatus.SENT, DeliveryError.NONE, createdAt.plusMillis(1));
        report(org, id, sid, DeliveryStatus.DELIVERED, DeliveryError.NONE, createdAt.plusMillis(1).plus(sentToDelivered));
    }

    private void undelivered(OrganizationId org, int code, Instant at) {
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = pending(org, Address.sms("+31612000999"), Map.of(), at);
        accepted(id, sid, at);
        report(org, id, sid, DeliveryStatus.UNDELIVERED, DeliveryError.of(code, ""), at);
    }

    private void failed(OrganizationId org, int code, Instant at) {
        MessageId id = pending(org, Address.sms("+31612000998"), Map.of(), at);
        log.sendFailed(id, DeliveryError.of(code, ""), at);
    }
}
