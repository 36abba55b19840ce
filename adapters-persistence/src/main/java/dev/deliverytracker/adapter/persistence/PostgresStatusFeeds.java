package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.FeedEvent;
import dev.deliverytracker.application.port.out.StatusFeedOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feeds' queues on PostgreSQL (V65). The notification outbox's fan-out writes a row per registered
 * feed in the transaction that takes the change out of {@code notification_events}, so a row exists
 * exactly for each committed change. A relay holds its feed through {@code status_feeds.held_until},
 * not through a cursor: rows of concurrent fan-outs may commit in another order than their numbers, and
 * a cursor past a number would skip a row committed later with a smaller one; a row here leaves only
 * when its feed acknowledged it.
 */
@Component
class PostgresStatusFeeds implements StatusFeedOutbox, MeterBinder {

    private final JdbcClient jdbc;

    PostgresStatusFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(String feed) {
        jdbc.sql("insert into status_feeds (feed) values (:feed) on conflict (feed) do nothing").param("feed", feed)
                .update();
    }

    @Override
    public void close(String feed) {
        jdbc.sql("delete from status_feeds where feed = :feed").param("feed", feed).update();
    }

    @Override
    @Transactional
    public List<FeedEvent> take(String feed, int limit, Instant now, Duration lease) {
        int held = jdbc.sql("""
                update status_feeds set held_until = :until
                where feed = :feed and (held_until is null or held_until <= :now)
                    and exists (select 1 from status_feed_events e where e.feed = :feed)
                """).param("feed", feed).param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(lease)))
                .update();
        if (held == 0) {
            return List.of();
        }
        return jdbc.sql("""
                select entry_no, message_id, event_id, event_type, body, changed_at from status_feed_events
                where feed = :feed order by entry_no limit :limit
                """).param("feed", feed).param("limit", limit)
                .query((row, index) -> new FeedEvent(row.getLong("entry_no"), Long.toString(row.getLong("message_id")),
                        row.getString("event_id"), row.getString("event_type"), row.getString("body"),
                        row.getTimestamp("changed_at").toInstant()))
                .list();
    }

    @Override
    @Transactional
    public void settle(String feed, Collection<Long> published) {
        if (!published.isEmpty()) {
            jdbc.sql("delete from status_feed_events where feed = :feed and entry_no = any(cast(:entries as bigint[]))")
                    .param("feed", feed).param("entries", published.toArray(new Long[0])).update();
        }
        jdbc.sql("update status_feeds set held_until = null where feed = :feed").param("feed", feed).update();
    }

    @Override
    public long waiting(String feed) {
        return jdbc.sql("select count(*) from status_feed_events where feed = :feed").param("feed", feed)
                .query(Long.class).single();
    }

    /**
     * {@code tracker.feeds.waiting} and {@code tracker.feeds.oldest.age}: the events no feed has
     * acknowledged yet and how long the oldest has waited, over every registered feed.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tracker.feeds.waiting", this, feeds -> feeds.figure(
                "select count(*) from status_feed_events")).description("Status changes waiting for a feed")
                .register(registry);
        Gauge.builder("tracker.feeds.oldest.age", this, feeds -> feeds.figure("""
                select coalesce(extract(epoch from (now() - (select min(changed_at) from status_feed_events))), 0)
                """)).baseUnit("seconds").description("How long the oldest status change waiting for a feed has waited")
                .register(registry);
    }

    private double figure(String sql) {
        try {
            return jdbc.sql(sql).query(Number.class).single().doubleValue();
        } catch (DataAccessException unreachable) {
            return Double.NaN;
        }
    }
}
