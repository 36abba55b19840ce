package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.StatisticsInterval;

import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestone;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The read side over {@code messages} and {@code message_delivery_log}, in plain SQL (see docs/queries.md). */
@Component
class JdbcMessageQueries implements MessageQueries {

    /** Rows the driver fetches at a time when exporting; PostgreSQL streams only inside a transaction. */
    static final int EXPORT_FETCH_SIZE = 1_000;


    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    JdbcMessageQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MessageSummary> find(OrganizationId organization, MessageId id) {
        return jdbc.sql("select " + MessageFilterSql.COLUMNS + " from messages where message_id = :id and org_id = :org")
                .param("id", id.value()).param("org", organization.value())
                .query((rs, row) -> summary(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEvent> events(OrganizationId organization, MessageId id, boolean withPayload) {
        // Joined through messages rather than trusting the log's own org_id, which an unmatched event may lack.
        return jdbc.sql("""
                select l.provider_sid, l.status, l.error_code, l.error_message, l.source, l.created_at,
                       l.provider_payload::text as payload
                from message_delivery_log l
                join messages m on m.message_id = l.message_id
                where l.message_id = :id and m.org_id = :org
                order by l.created_at, l.delivery_id
                """).param("id", id.value()).param("org", organization.value())
                .query((rs, row) -> new TimelineEvent(rs.getString("status"),
                        error(rs.getObject("error_code", Integer.class), rs.getString("error_message")),
                        EventSource.parse(rs.getString("source")), instant(rs, "created_at"),
                        rs.getString("provider_sid"),
                        withPayload ? Optional.of(PayloadJson.form(rs.getString("payload"))) : Optional.empty()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MessageSummary> page(MessageFilter filter, Optional<MessageCursor> after, int limit) {
        MessageFilterSql sql = MessageFilterSql.of(filter, after);
        return jdbc.sql(sql.select() + " limit :limit").params(sql.params()).param("limit", limit)
                .query((rs, row) -> summary(rs)).list();
    }

    /** Each side from its own index (V6's recipient index, V60's customer index), then merged. */
    @Override
    @Transactional(readOnly = true)
    public List<ConversationMessage> conversation(OrganizationId organization, Address person, int limit) {
        return jdbc.sql("""
                select * from (
                    (select %1$s, body from messages
                     where org_id = :org and to_address = :person and channel = :channel and direction = 'outgoing'
                     order by created_at desc, message_id desc limit :limit)
                    union all
                    (select %1$s, body from messages
                     where org_id = :org and from_address = :person and channel = :channel and direction = 'incoming'
                     order by created_at desc, message_id desc limit :limit)) both_ways
                order by created_at desc, message_id desc limit :limit
                """.formatted(MessageFilterSql.COLUMNS))
                .param("org", organization.value()).param("person", person.e164())
                .param("channel", person.channel().wireName()).param("limit", limit)
                .query((rs, row) -> new ConversationMessage(summary(rs), rs.getString("body"))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public long each(MessageFilter filter, Consumer<MessageSummary> sink) {
        MessageFilterSql sql = MessageFilterSql.of(filter, Optional.empty());
        long[] count = {0};
        streaming.query(sql.select(), sql.params(), rs -> {
            sink.accept(summary(rs));
            count[0]++;
        });
        return count[0];
    }

    @Override
    @Transactional(readOnly = true)
    public List<FailureCount> failures(OrganizationId organization, TimeRange failedBetween) {
        return jdbc.sql("""
                select coalesce(error_code, 0) as code,
                       count(*) filter (where status = 'failed') as failed,
                       count(*) filter (where status = 'undelivered') as undelivered
                from messages
                where org_id = :org and failed_at >= :from and failed_at < :until
                  and status in ('failed', 'undelivered')
                group by 1
                """).param("org", organization.value()).params(range(failedBetween))
                .query((rs, row) -> new FailureCount(rs.getInt("code"), rs.getLong("failed"),
                        rs.getLong("undelivered")))
                .list();
    }

    /*
     * Statistics read the hourly rollup (V10) plus the changes not folded into it yet, in one
     * statement each, so a fold committing meanwhile neither hides nor doubles a message. Ranges are
     * whole hours (DeliveryStatisticsService widens them).
     */

    @Override
    @Transactional(readOnly = true)
    public List<StatusCount> statusCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return jdbc.sql("""
                select date_trunc(:unit, hour, 'UTC') as bucket, channel, status, sum(messages) as n
                from (select day as hour, channel, status, messages from message_counts_daily
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and day >= :dayFrom and day < :dayUntil
                      union all
                      select hour, channel, status, messages from message_counts_hourly
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and (hour < :dayFrom or hour >= :dayUntil)
                      union all
                      select hour, channel, status, change from message_stats_changes
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until) counted
                group by 1, 2, 3
                having sum(messages) <> 0
                """).param("org", organization.value()).param("origin", wire(origin))
                .param("unit", unit(interval)).params(range(created))
                .params(wholeDays(created, interval == StatisticsInterval.DAY))
                .query((rs, row) -> new StatusCount(instant(rs, "bucket"), Channel.parse(rs.getString("channel")),
                        DeliveryStatus.lookup(rs.getString("status")).orElse(DeliveryStatus.UNKNOWN),
                        rs.getLong("n")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeliveryTimeCount> deliveryTimes(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return jdbc.sql("""
                select date_trunc(:unit, hour, 'UTC') as bucket, channel, histogram_bucket, sum(messages) as n
                from (select day as hour, channel, bucket as histogram_bucket, messages from message_delivery_times_daily
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and day >= :dayFrom and day < :dayUntil
                      union all
                      select hour, channel, bucket, messages from message_delivery_times_hourly
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and (hour < :dayFrom or hour >= :dayUntil)
                      union all
                      select hour, channel, delivery_bucket, change from message_stats_changes
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and delivery_bucket is not null) counted
                group by 1, 2, 3
                having sum(messages) <> 0
                """).param("org", organization.value()).param("origin", wire(origin))
                .param("unit", unit(interval)).params(range(created))
                .params(wholeDays(created, interval == StatisticsInterval.DAY))
                .query((rs, row) -> new DeliveryTimeCount(instant(rs, "bucket"), Channel.parse(rs.getString("channel")),
                        rs.getInt("histogram_bucket"), rs.getLong("n")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ErrorCountRow> errorCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin) {
        return jdbc.sql("""
                select date_trunc(:unit, hour, 'UTC') as bucket, channel, error_code, sum(messages) as n
                from (select day as hour, channel, error_code, messages from message_counts_daily
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and day >= :dayFrom and day < :dayUntil and error_code <> 0
                      union all
                      select hour, channel, error_code, messages from message_counts_hourly
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and (hour < :dayFrom or hour >= :dayUntil)
                        and error_code <> 0
                      union all
                      select hour, channel, error_code, change from message_stats_changes
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and error_code <> 0) counted
                group by 1, 2, 3
                having sum(messages) <> 0
                """).param("org", organization.value()).param("origin", wire(origin))
                .param("unit", unit(interval)).params(range(created))
                .params(wholeDays(created, interval == StatisticsInterval.DAY))
                .query((rs, row) -> new ErrorCountRow(instant(rs, "bucket"), Channel.parse(rs.getString("channel")),
                        rs.getInt("error_code"), rs.getLong("n")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SenderCount> senderCounts(OrganizationId organization, TimeRange created, Optional<Origin> origin) {
        return countsBy("sender", "message_sender_counts", organization, created, origin,
                (rs, row) -> new SenderCount(rs.getString("sender"), Channel.parse(rs.getString("channel")),
                        DeliveryStatus.lookup(rs.getString("status")).orElse(DeliveryStatus.UNKNOWN), rs.getLong("n")));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OriginCount> originCounts(OrganizationId organization, TimeRange created) {
        return countsBy("origin", "message_counts", organization, created, Optional.empty(),
                (rs, row) -> new OriginCount(Origin.lookup(rs.getString("origin")).orElse(Origin.API),
                        Channel.parse(rs.getString("channel")),
                        DeliveryStatus.lookup(rs.getString("status")).orElse(DeliveryStatus.UNKNOWN), rs.getLong("n")));
    }

    /**
     * Counts by one more column beside channel and status over the range, of one origin or both: whole
     * days from the {@code _daily} table, the hours around them from {@code _hourly}, and the changes
     * not folded yet. {@code column} and {@code rollup} are this class's constants.
     */
    private <T> List<T> countsBy(String column, String rollup, OrganizationId organization, TimeRange created,
            Optional<Origin> origin, RowMapper<T> mapper) {
        return jdbc.sql("""
                select %1$s, channel, status, sum(messages) as n
                from (select %1$s, channel, status, messages from %2$s_daily
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and day >= :dayFrom and day < :dayUntil
                      union all
                      select %1$s, channel, status, messages from %2$s_hourly
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until and (hour < :dayFrom or hour >= :dayUntil)
                      union all
                      select %1$s, channel, status, change from message_stats_changes
                      where org_id = :org and origin = coalesce(cast(:origin as text), origin) and hour >= :from and hour < :until) counted
                group by 1, 2, 3
                having sum(messages) <> 0
                """.formatted(column, rollup)).param("org", organization.value()).param("origin", wire(origin))
                .params(range(created))
                .params(wholeDays(created, true)).query(mapper).list();
    }

    private static MessageSummary summary(ResultSet rs) throws SQLException {
        Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
        reached.put(Milestone.QUEUED, MessageStateRows.instantOrNull(rs, "queued_at"));
        reached.put(Milestone.SENT, MessageStateRows.instantOrNull(rs, "sent_at"));
        reached.put(Milestone.DELIVERED, MessageStateRows.instantOrNull(rs, "delivered_at"));
        reached.put(Milestone.READ, MessageStateRows.instantOrNull(rs, "read_at"));
        reached.put(Milestone.FAILED, MessageStateRows.instantOrNull(rs, "failed_at"));
        String from = rs.getString("from_address");
        return new MessageSummary(MessageId.of(rs.getLong("message_id")), Channel.parse(rs.getString("channel")),
                rs.getString("to_address"), from != null ? from : rs.getString("messaging_service_sid"),
                rs.getString("whatsapp_msg_sid"),
                DeliveryStatus.lookup(rs.getString("status")).orElse(DeliveryStatus.UNKNOWN),
                error(rs.getObject("error_code", Integer.class), rs.getString("error_message")),
                StringMapJson.read(rs.getString("tags")), Milestones.of(reached), rs.getInt("attempts"), instant(rs, "created_at"),
                Origin.lookup(rs.getString("origin")).orElse(Origin.API),
                Direction.lookup(rs.getString("direction")).orElse(Direction.OUTGOING));
    }

    private static DeliveryError error(Integer code, String message) {
        return code == null || code == 0 ? DeliveryError.NONE : DeliveryError.of(code, message);
    }

    /** The origin as stored, or null for both: {@code origin = coalesce(:origin, origin)} then holds for every row. */
    private static String wire(Optional<Origin> origin) {
        return origin.map(Origin::wireName).orElse(null);
    }

    private static Map<String, Object> range(TimeRange range) {
        return Map.of("from", Timestamp.from(range.from()), "until", Timestamp.from(range.until()));
    }

    /**
     * The whole UTC days inside a range of whole hours, read from the daily tables; the hours before
     * and after them come from the hourly ones. Without whole days (or when hours must stay apart)
     * both ends are {@code from}: no day is read and every hour is.
     */
    static Map<String, Object> wholeDays(TimeRange range, boolean daysAllowed) {
        Instant dayFrom = range.from().truncatedTo(ChronoUnit.DAYS);
        if (dayFrom.isBefore(range.from())) {
            dayFrom = dayFrom.plus(1, ChronoUnit.DAYS);
        }
        Instant dayUntil = range.until().truncatedTo(ChronoUnit.DAYS);
        if (!daysAllowed || !dayFrom.isBefore(dayUntil)) {
            dayFrom = range.from();
            dayUntil = range.from();
        }
        return Map.of("dayFrom", Timestamp.from(dayFrom), "dayUntil", Timestamp.from(dayUntil));
    }

    private static String unit(StatisticsInterval interval) {
        return interval == StatisticsInterval.HOUR ? "hour" : "day";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
