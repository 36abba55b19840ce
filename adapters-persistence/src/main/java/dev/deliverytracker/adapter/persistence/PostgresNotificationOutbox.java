package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.out.CallbackHost;
import dev.deliverytracker.application.port.out.ClaimLimits;
import dev.deliverytracker.application.port.out.DeliveryClaim;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationPlanner;
import dev.deliverytracker.application.port.out.PlannedNotification;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.StatusChange;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox on PostgreSQL. Status changes arrive in {@code notification_events}, written
 * by a trigger in the transaction of the change (V22); {@link #fanOut} takes them out with
 * {@code FOR UPDATE SKIP LOCKED} and writes one notification per interested subscription in the same
 * transaction; {@link #claim} leases due notifications the same way, at most so many in flight per
 * subscription, so any number of instances deliver side by side and a crashed one's claims come back
 * when their lease ends.
 */
@Component
class PostgresNotificationOutbox implements NotificationOutbox, MeterBinder {

    // Per enabled subscription: how many are in flight (held), then up to the rest of its places from its
    // oldest due notifications that no other worker holds. Per status-callback host of an enabled signer
    // (the hosts this round looks at): the same with the host's places, and never beyond the places left to
    // the organization's callbacks together.
    private static final String CLAIM = """
            update notification_deliveries d
            set attempts = d.attempts + 1, claimed_until = :leaseEnd,
                first_attempted_at = coalesce(d.first_attempted_at, :now)
            where d.delivery_id = any(array(
                select c.delivery_id from notification_subscriptions s
                cross join lateral (
                    select count(*) as busy from notification_deliveries b
                    where b.subscription_id = s.subscription_id and b.state = 'pending'
                        and b.claimed_until is not null and b.claimed_until > :now) held
                cross join lateral (
                    select p.delivery_id from notification_deliveries p
                    where p.subscription_id = s.subscription_id and p.state = 'pending' and p.due_at <= :now
                        and (p.claimed_until is null or p.claimed_until <= :now)
                    order by p.due_at, p.delivery_id
                    limit greatest(:perSubscription - held.busy, 0)
                    for update skip locked) c
                where s.enabled and s.purpose = 'subscription'
                union all
                select c.delivery_id
                from unnest(cast(:hostSigners as bigint[]), cast(:hosts as text[])) as h(signer, destination)
                join notification_subscriptions s on s.subscription_id = h.signer and s.enabled
                cross join lateral (
                    select count(*) as busy from notification_deliveries b
                    where b.subscription_id = h.signer and b.state = 'pending'
                        and b.claimed_until is not null and b.claimed_until > :now) organization_held
                cross join lateral (
                    select count(*) as busy from notification_deliveries b
                    where b.subscription_id = h.signer and b.destination = h.destination and b.state = 'pending'
                        and b.claimed_until is not null and b.claimed_until > :now) host_held
                cross join lateral (
                    select p.delivery_id from notification_deliveries p
                    where p.subscription_id = h.signer and p.destination = h.destination and p.state = 'pending'
                        and p.due_at <= :now and (p.claimed_until is null or p.claimed_until <= :now)
                    order by p.due_at, p.delivery_id
                    limit greatest(least(:perCallbackHost - host_held.busy,
                        :callbacksPerOrganization - organization_held.busy), 0)
                    for update skip locked) c
                limit :limit))
            returning d.delivery_id, d.subscription_id, d.org_id, d.event_id, d.event_type, d.body, d.attempts,
                d.first_attempted_at, d.created_at, d.url
            """;

    // The status-callback hosts with waiting callbacks, in (signer, host) order after a cursor: one index
    // probe each (a skip scan), however many callbacks wait for a host.
    private static final String HOSTS = """
            with recursive hosts(subscription_id, destination, n) as (
                (select h.subscription_id, h.destination, 1 from notification_deliveries h
                 where h.state = 'pending' and h.destination is not null
                     and (h.subscription_id, h.destination) > (:afterSigner, cast(:afterHost as text))
                 order by h.subscription_id, h.destination limit 1)
                union all
                select following.subscription_id, following.destination, hosts.n + 1 from hosts
                cross join lateral (
                    select h.subscription_id, h.destination from notification_deliveries h
                    where h.state = 'pending' and h.destination is not null
                        and (h.subscription_id, h.destination) > (hosts.subscription_id, hosts.destination)
                    order by h.subscription_id, h.destination limit 1) following
                where hosts.n < :hostsPerRound)
            select subscription_id, destination from hosts
            """;

    /**
     * Status-callback hosts one claim looks at. Many distinct hosts cost each claim no more than this many
     * probes; the next claims go on from where this one stopped (see {@link #hostsAfter}), round and round.
     */
    private static final int HOSTS_PER_ROUND = 128;

    private final JdbcClient jdbc;
    private final MessageStateRows rows;
    private final JdbcSubscriptions subscriptions;
    private final Clock clock;
    private final Map<SubscriptionId, Counter> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile MeterRegistry meters;
    /** The last status-callback host the previous claim looked at: the next one starts after it. */
    private volatile HostCursor hostsAfter = HostCursor.START;

    PostgresNotificationOutbox(JdbcClient jdbc, MessageStateRows rows, JdbcSubscriptions subscriptions, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int fanOut(int limit, NotificationPlanner planner) {
        List<EventRow> events = jdbc.sql("""
                delete from notification_events where event_no in (
                    select event_no from notification_events order by event_no limit :limit for update skip locked)
                returning *
                """).param("limit", limit).query(EventRow::of).list();
        if (events.isEmpty()) {
            return 0;
        }
        Map<Long, MessageRow> messages = rows.byIds(events.stream().map(EventRow::messageId).toList());
        Map<Long, List<Subscription>> byOrganization = new HashMap<>();
        Set<Long> organizations = events.stream().map(EventRow::orgId).collect(Collectors.toSet());
        Map<Long, Long> signers = new HashMap<>();
        jdbc.sql(JdbcSubscriptions.COLUMNS + "where org_id = any(cast(:orgs as bigint[])) and enabled")
                .param("orgs", organizations.toArray(new Long[0])).query(subscriptions::subscription).list()
                .forEach(subscription -> {
                    if (subscription.url().equals(StatusCallbackSigners.SIGNER_URL)) {
                        signers.put(subscription.organization().value(), subscription.id().value());
                    } else {
                        byOrganization.computeIfAbsent(subscription.organization().value(), org -> new ArrayList<>())
                                .add(subscription);
                    }
                });
        boolean feeds = jdbc.sql("select exists (select 1 from status_feeds)").query(Boolean.class).single();
        List<Object[]> planned = new ArrayList<>();
        List<Object[]> kept = new ArrayList<>();
        events.stream().sorted(java.util.Comparator.comparingLong(EventRow::eventNo)).forEach(event -> {
            MessageRow message = messages.get(event.messageId());
            if (message == null) {
                return; // deleted with its history since (retention): nothing left to tell
            }
            StatusChange change = new StatusChange("evt_" + event.eventId().replace("-", ""), event.sequence(),
                    MessageMapping.toDomain(event.snapshotOf(message)), event.changedAt(),
                    Optional.ofNullable(event.statusCallback()).map(URI::create));
            for (PlannedNotification notification : planner.plan(change,
                    byOrganization.getOrDefault(event.orgId(), List.of()))) {
                Long holder;
                String url = null;
                String destination = null;
                if (notification.recipient() instanceof PlannedNotification.Recipient.Subscriber subscriber) {
                    holder = subscriber.subscription().value();
                } else {
                    // Sent only once the organization had a signer (the send use case checks): none means it
                    // was removed since, and nothing can sign the callback any more.
                    holder = signers.get(event.orgId());
                    URI callback = ((PlannedNotification.Recipient.StatusCallback) notification.recipient()).url();
                    url = callback.toString();
                    destination = CallbackHost.of(callback).value();
                }
                if (holder != null) {
                    planned.add(new Object[] {holder, event.orgId(), notification.eventId(), notification.type(),
                            notification.body(), event.changedAt(), url, destination});
                }
            }
            if (feeds) {
                kept.add(new Object[] {event.messageId(), change.eventId(), planner.type(change), planner.body(change),
                        event.changedAt()});
            }
        });
        if (!planned.isEmpty()) {
            jdbc.sql("""
                    insert into notification_deliveries (subscription_id, org_id, event_id, event_type, body, due_at,
                        created_at, url, destination)
                    select s, o, e, t, b, c, c, u, h from unnest(cast(:subscriptions as bigint[]), cast(:orgs as bigint[]),
                        cast(:events as text[]), cast(:types as text[]), cast(:bodies as text[]),
                        cast(:created as timestamptz[]), cast(:urls as text[]), cast(:hosts as text[]))
                        as v(s, o, e, t, b, c, u, h)
                    """)
                    .param("subscriptions", planned.stream().map(row -> (Long) row[0]).toArray(Long[]::new))
                    .param("orgs", planned.stream().map(row -> (Long) row[1]).toArray(Long[]::new))
                    .param("events", planned.stream().map(row -> (String) row[2]).toArray(String[]::new))
                    .param("types", planned.stream().map(row -> (String) row[3]).toArray(String[]::new))
                    .param("bodies", planned.stream().map(row -> (String) row[4]).toArray(String[]::new))
                    .param("created", planned.stream().map(row -> row[5].toString()).toArray(String[]::new))
                    .param("urls", planned.stream().map(row -> (String) row[6]).toArray(String[]::new))
                    .param("hosts", planned.stream().map(row -> (String) row[7]).toArray(String[]::new))
                    .update();
        }
        keepForFeeds(kept);
        return events.size();
    }

    /** One row per registered feed for each change, in the order of the changes; see {@link PostgresStatusFeeds}. */
    private void keepForFeeds(List<Object[]> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into status_feed_events (feed, message_id, event_id, event_type, body, changed_at)
                select f.feed, v.m, v.e, v.t, v.b, v.c from status_feeds f
                cross join unnest(cast(:messages as bigint[]), cast(:events as text[]), cast(:types as text[]),
                    cast(:bodies as text[]), cast(:changed as timestamptz[])) with ordinality as v(m, e, t, b, c, n)
                order by f.feed, v.n
                """)
                .param("messages", changes.stream().map(row -> (Long) row[0]).toArray(Long[]::new))
                .param("events", changes.stream().map(row -> (String) row[1]).toArray(String[]::new))
                .param("types", changes.stream().map(row -> (String) row[2]).toArray(String[]::new))
                .param("bodies", changes.stream().map(row -> (String) row[3]).toArray(String[]::new))
                .param("changed", changes.stream().map(row -> row[4].toString()).toArray(String[]::new))
                .update();
    }

    @Override
    @Transactional
    public List<DeliveryClaim> claim(ClaimLimits limits, Instant now, Duration lease) {
        List<HostCursor> hosts = hostsToLookAt();
        List<ClaimedRow> claimed = jdbc.sql(CLAIM).param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(now.plus(lease))).param("perSubscription", limits.perSubscription())
                .param("hostSigners", hosts.stream().map(HostCursor::signer).toArray(Long[]::new))
                .param("hosts", hosts.stream().map(HostCursor::host).toArray(String[]::new))
                .param("perCallbackHost", limits.perCallbackHost())
                .param("callbacksPerOrganization", limits.callbacksPerOrganization())
                .param("limit", limits.batch()).query(ClaimedRow::of).list();
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, Subscription> bySubscription = new HashMap<>();
        jdbc.sql(JdbcSubscriptions.COLUMNS + "where subscription_id = any(cast(:ids as bigint[]))")
                .param("ids", claimed.stream().map(ClaimedRow::subscriptionId).distinct().toArray(Long[]::new))
                .query(subscriptions::subscription).list()
                .forEach(subscription -> bySubscription.put(subscription.id().value(), subscription));
        return claimed.stream().map(row -> new DeliveryClaim(row.deliveryId(), bySubscription.get(row.subscriptionId()),
                row.eventId(), row.type(), row.body(), row.attempts(), row.firstAttemptAt(), row.createdAt(),
                Optional.ofNullable(row.url()).map(URI::create))).toList();
    }

    /** Up to {@link #HOSTS_PER_ROUND} hosts after the last claim's; from the first again once the last is reached. */
    private List<HostCursor> hostsToLookAt() {
        HostCursor after = hostsAfter;
        List<HostCursor> hosts = jdbc.sql(HOSTS).param("afterSigner", after.signer()).param("afterHost", after.host())
                .param("hostsPerRound", HOSTS_PER_ROUND)
                .query((row, index) -> new HostCursor(row.getLong("subscription_id"), row.getString("destination")))
                .list();
        hostsAfter = hosts.size() < HOSTS_PER_ROUND ? HostCursor.START : hosts.get(hosts.size() - 1);
        if (hosts.size() < HOSTS_PER_ROUND && after != HostCursor.START) {
            // The end was reached part way: the ones from the first, up to the cursor, are due a look too.
            List<HostCursor> fromFirst = jdbc.sql(HOSTS).param("afterSigner", HostCursor.START.signer())
                    .param("afterHost", HostCursor.START.host())
                    .param("hostsPerRound", HOSTS_PER_ROUND - hosts.size())
                    .query((row, index) -> new HostCursor(row.getLong("subscription_id"), row.getString("destination")))
                    .list();
            List<HostCursor> all = new ArrayList<>(hosts);
            fromFirst.stream().filter(host -> !hosts.contains(host)).forEach(all::add);
            return all;
        }
        return hosts;
    }

    @Override
    public void delivered(long deliveryId, Instant at) {
        jdbc.sql("delete from notification_deliveries where delivery_id = :id").param("id", deliveryId).update();
    }

    @Override
    public void delivered(List<Long> deliveryIds, Instant at) {
        jdbc.sql("delete from notification_deliveries where delivery_id = any(cast(:ids as bigint[]))")
                .param("ids", deliveryIds.toArray(new Long[0])).update();
    }

    @Override
    public void retryAt(long deliveryId, Instant due, String failure) {
        Optional<Long> subscription = jdbc.sql("""
                update notification_deliveries set due_at = :due, claimed_until = null, last_error = :failure
                where delivery_id = :id returning subscription_id
                """).param("id", deliveryId).param("due", Timestamp.from(due)).param("failure", failure)
                .query(Long.class).optional();
        subscription.ifPresent(this::countFailure);
    }

    @Override
    public void release(long deliveryId) {
        jdbc.sql("""
                update notification_deliveries set claimed_until = null, attempts = greatest(attempts - 1, 0)
                where delivery_id = :id
                """).param("id", deliveryId).update();
    }

    @Override
    public void deadLetter(long deliveryId, String failure, Instant at) {
        Optional<Long> subscription = jdbc.sql("""
                update notification_deliveries set state = 'dead', claimed_until = null, last_error = :failure,
                    dead_at = :at
                where delivery_id = :id returning subscription_id
                """).param("id", deliveryId).param("failure", failure).param("at", Timestamp.from(at))
                .query(Long.class).optional();
        subscription.ifPresent(this::countFailure);
    }

    @Override
    public List<DeadLetter> deadLetters(OrganizationId organization, Optional<SubscriptionId> subscription,
            int limit) {
        return jdbc.sql("""
                select delivery_id, subscription_id, event_id, event_type, attempts, last_error, created_at, dead_at,
                    url
                from notification_deliveries
                where org_id = :org and state = 'dead' and (cast(:subscription as bigint) is null
                    or subscription_id = cast(:subscription as bigint))
                order by delivery_id desc limit :limit
                """).param("org", organization.value())
                .param("subscription", subscription.map(SubscriptionId::value).orElse(null)).param("limit", limit)
                .query((row, index) -> new DeadLetter(row.getLong("delivery_id"),
                        new SubscriptionId(row.getLong("subscription_id")), row.getString("event_id"),
                        row.getString("event_type"), row.getInt("attempts"), row.getString("last_error"),
                        row.getTimestamp("created_at").toInstant(), row.getTimestamp("dead_at").toInstant(),
                        Optional.ofNullable(row.getString("url")).map(URI::create)))
                .list();
    }

    @Override
    public boolean replay(OrganizationId organization, long deliveryId, Instant now) {
        return jdbc.sql("""
                update notification_deliveries set state = 'pending', attempts = 0, first_attempted_at = null,
                    due_at = :now, dead_at = null
                where delivery_id = :id and org_id = :org and state = 'dead'
                """).param("id", deliveryId).param("org", organization.value()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    @Override
    public int replayAll(OrganizationId organization, Optional<SubscriptionId> subscription, Instant now) {
        return jdbc.sql("""
                update notification_deliveries set state = 'pending', attempts = 0, first_attempted_at = null,
                    due_at = :now, dead_at = null
                where org_id = :org and state = 'dead' and (cast(:subscription as bigint) is null
                    or subscription_id = cast(:subscription as bigint))
                """).param("org", organization.value()).param("now", Timestamp.from(now))
                .param("subscription", subscription.map(SubscriptionId::value).orElse(null)).update();
    }

    @Override
    public int purgeDeadLetters(Instant deadBefore, int limit) {
        return jdbc.sql("""
                delete from notification_deliveries where delivery_id in (
                    select delivery_id from notification_deliveries
                    where state = 'dead' and dead_at < :before limit :limit)
                """).param("before", Timestamp.from(deadBefore)).param("limit", limit).update();
    }

    /**
     * {@code tracker.notifications.waiting} (changes not fanned out yet plus notifications not yet
     * taken), {@code tracker.notifications.oldest.age} (how long the oldest of them has waited),
     * {@code tracker.notifications.failing.subscriptions} (subscriptions whose oldest waiting
     * notification failed three times or more: what the alert rule watches) and
     * {@code tracker.notifications.failures} per subscription.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        this.meters = registry;
        Gauge.builder("tracker.notifications.waiting", this, outbox -> outbox.figure("""
                select (select count(*) from notification_events)
                    + (select count(*) from notification_deliveries where state = 'pending')
                """)).description("Status changes and notifications waiting to be delivered").register(registry);
        Gauge.builder("tracker.notifications.oldest.age", this, outbox -> outbox.figure("""
                select coalesce(extract(epoch from (now() - least(
                    (select min(changed_at) from notification_events),
                    (select min(created_at) from notification_deliveries where state = 'pending')))), 0)
                """)).baseUnit("seconds").description("How long the oldest waiting notification has waited")
                .register(registry);
        Gauge.builder("tracker.notifications.dead", this, outbox -> outbox.figure(
                "select count(*) from notification_deliveries where state = 'dead'"))
                .description("Notifications given up on, waiting for a replay").register(registry);
        Gauge.builder("tracker.notifications.failing.subscriptions", this, outbox -> outbox.figure("""
                select count(distinct subscription_id) from notification_deliveries
                where state = 'pending' and attempts >= 3
                """)).description("Subscriptions with a waiting notification that failed three times or more")
                .register(registry);
    }

    private double figure(String sql) {
        try {
            return jdbc.sql(sql).query(Number.class).single().doubleValue();
        } catch (DataAccessException unreachable) {
            return Double.NaN;
        }
    }

    private void countFailure(long subscription) {
        MeterRegistry registry = meters;
        if (registry != null) {
            failures.computeIfAbsent(new SubscriptionId(subscription), id -> Counter.builder("tracker.notifications.failures")
                    .tag("subscription", id.toString())
                    .description("Notification attempts that failed, per subscription").register(registry))
                    .increment();
        }
    }

    private record EventRow(long eventNo, String eventId, long orgId, long messageId, int sequence, String status,
            String sid, Integer errorCode, String errorMessage, int attempts, Instant queuedAt, Instant sentAt,
            Instant deliveredAt, Instant readAt, Instant failedAt, Instant changedAt, String statusCallback) {

        static EventRow of(ResultSet row, int index) throws SQLException {
            int code = row.getInt("error_code");
            Integer errorCode = row.wasNull() ? null : code;
            return new EventRow(row.getLong("event_no"), row.getString("event_id"), row.getLong("org_id"),
                    row.getLong("message_id"), row.getInt("sequence"), row.getString("status"), row.getString("sid"),
                    errorCode, row.getString("error_message"), row.getInt("attempts"),
                    JdbcSubscriptions.instant(row.getTimestamp("queued_at")),
                    JdbcSubscriptions.instant(row.getTimestamp("sent_at")),
                    JdbcSubscriptions.instant(row.getTimestamp("delivered_at")),
                    JdbcSubscriptions.instant(row.getTimestamp("read_at")),
                    JdbcSubscriptions.instant(row.getTimestamp("failed_at")),
                    row.getTimestamp("changed_at").toInstant(), row.getString("status_callback"));
        }

        /** The message as it stood at this change: its own fields, the state the change wrote. */
        MessageRow snapshotOf(MessageRow current) {
            MessageRow row = new MessageRow();
            row.id = current.id;
            row.orgId = current.orgId;
            row.channel = current.channel;
            row.toAddress = current.toAddress;
            row.fromAddress = current.fromAddress;
            row.messagingServiceSid = current.messagingServiceSid;
            row.body = current.body;
            row.contentSid = current.contentSid;
            row.contentVariables = current.contentVariables;
            row.tags = current.tags;
            row.idempotencyKey = current.idempotencyKey;
            row.requestFingerprint = current.requestFingerprint;
            row.createdAt = current.createdAt;
            row.updatedAt = changedAt;
            row.origin = current.origin;
            row.providerSid = sid;
            row.status = status;
            row.errorCode = errorCode;
            row.errorMessage = errorMessage;
            row.attempts = attempts;
            row.queuedAt = queuedAt;
            row.sentAt = sentAt;
            row.deliveredAt = deliveredAt;
            row.readAt = readAt;
            row.failedAt = failedAt;
            return row;
        }
    }

    /** A status-callback host of a signer, in the order the claims go round them. */
    private record HostCursor(long signer, String host) {
        static final HostCursor START = new HostCursor(0, "");
    }

    private record ClaimedRow(long deliveryId, long subscriptionId, String eventId, String type, String body,
            int attempts, Instant firstAttemptAt, Instant createdAt, String url) {

        static ClaimedRow of(ResultSet row, int index) throws SQLException {
            return new ClaimedRow(row.getLong("delivery_id"), row.getLong("subscription_id"), row.getString("event_id"),
                    row.getString("event_type"), row.getString("body"), row.getInt("attempts"),
                    row.getTimestamp("first_attempted_at").toInstant(), row.getTimestamp("created_at").toInstant(),
                    row.getString("url"));
        }
    }
}
