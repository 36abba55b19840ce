-- Statistics from an hourly rollup, and SID prefix search (docs/queries.md).

-- SID prefix search. The unique index behind messages_sid_unique uses the database's collation, with
-- which a btree cannot answer "starts with" unless that collation is C. The same uniqueness on a
-- text_pattern_ops index (byte order whatever the collation) answers equality and prefix ranges
-- (~>=~ / ~<~) alike, so one index still serves callbacks, lookups and the search: no extra index on
-- the write-hot table. Same name, so a duplicate SID is still reported as messages_sid_unique.
alter table messages drop constraint messages_sid_unique;
create unique index messages_sid_unique on messages (whatsapp_msg_sid text_pattern_ops);

-- Failures by error code (/failures) over a month: the benchmark measured 0.3 s through
-- messages_failed_at_idx, one heap visit per failed message. With status and error code in a
-- partial index the same count is an index-only scan. Only failed and undelivered messages are in
-- it, so the other status changes never touch it.
create index messages_org_failures_idx on messages (org_id, failed_at) include (status, error_code)
    where status in ('failed', 'undelivered');

-- Time to deliver in the rollup: log buckets of ratio 1.1 (bucket b >= 1 holds [1.1^(b-1), 1.1^b)
-- milliseconds, bucket 0 holds under 1 ms), so a percentile read from them is within 5% of the
-- true value. DeliveryTimeHistogram (application) mirrors this function.
create function delivery_time_bucket(delivered_at timestamptz, sent_at timestamptz, created_at timestamptz)
    returns smallint language sql immutable parallel safe as $$
    select case
        when delivered_at is null then null
        when extract(epoch from delivered_at - coalesce(sent_at, created_at)) * 1000 < 1 then 0
        else least(floor(ln(extract(epoch from delivered_at - coalesce(sent_at, created_at)) * 1000) / ln(1.1))::int + 1,
                   32000)::smallint
    end
$$;

-- Counts of messages by the hour they were created in, their current status and error code.
-- Counts are integers (2 billion per row is plenty): sum(integer) adds in bigint, sum(bigint) in
-- numeric, several times slower over the ~100,000 rows of a month's hourly histograms.
create table message_counts_hourly (
    org_id     bigint      not null,
    hour       timestamptz not null,
    channel    text        not null,
    status     text        not null,
    error_code integer     not null, -- 0: none
    messages   integer     not null,
    primary key (org_id, hour, channel, status, error_code) include (messages)
);

-- The same by day, for ranges by day: a year is 365 rows per channel, status and code, not 8,760.
create table message_counts_daily (
    org_id     bigint      not null,
    day        timestamptz not null,
    channel    text        not null,
    status     text        not null,
    error_code integer     not null,
    messages   integer     not null,
    primary key (org_id, day, channel, status, error_code) include (messages)
);

-- The same by sender: the From number, else the Messaging Service SID, else '' (the organization's default).
create table message_sender_counts_hourly (
    org_id   bigint      not null,
    hour     timestamptz not null,
    sender   text        not null,
    channel  text        not null,
    status   text        not null,
    messages integer     not null,
    primary key (org_id, hour, sender, channel, status) include (messages)
);

-- The same by day, for long ranges: per-sender figures over a year read 365 rows per sender and
-- status instead of 8,760.
create table message_sender_counts_daily (
    org_id   bigint      not null,
    day      timestamptz not null,
    sender   text        not null,
    channel  text        not null,
    status   text        not null,
    messages integer     not null,
    primary key (org_id, day, sender, channel, status) include (messages)
);

-- Delivered (or read) messages by time-to-deliver bucket.
create table message_delivery_times_hourly (
    org_id   bigint      not null,
    hour     timestamptz not null,
    channel  text        not null,
    bucket   smallint    not null,
    messages integer     not null,
    primary key (org_id, hour, channel, bucket) include (messages)
);

create table message_delivery_times_daily (
    org_id   bigint      not null,
    day      timestamptz not null,
    channel  text        not null,
    bucket   smallint    not null,
    messages integer     not null,
    primary key (org_id, day, channel, bucket) include (messages)
);

-- Changes not yet folded into the tables above: a trigger appends -1 for a message's old
-- state and +1 for its new one, with no index and no update, so writers never wait on each other
-- for a rollup row. fold_message_stats() (run every few seconds) moves them; the statistics queries
-- read the rollup plus what is still here, so they are exact without waiting for a fold.
create table message_stats_changes (
    org_id          bigint      not null,
    hour            timestamptz not null,
    sender          text        not null,
    channel         text        not null,
    status          text        not null,
    error_code      integer     not null,
    delivery_bucket smallint,
    change          smallint    not null
);

create function message_stats_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into message_stats_changes values (old.org_id, date_trunc('hour', old.created_at, 'UTC'),
            coalesce(old.from_address, old.messaging_service_sid, ''), old.channel, old.status,
            coalesce(old.error_code, 0), delivery_time_bucket(old.delivered_at, old.sent_at, old.created_at), -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into message_stats_changes values (new.org_id, date_trunc('hour', new.created_at, 'UTC'),
            coalesce(new.from_address, new.messaging_service_sid, ''), new.channel, new.status,
            coalesce(new.error_code, 0), delivery_time_bucket(new.delivered_at, new.sent_at, new.created_at), 1);
    end if;
    return null;
end
$$;

create trigger messages_stats_insert_delete after insert or delete on messages
    for each row execute function message_stats_track();
-- Only updates that move a message to another rollup row: not attempts, updated_at, the SID, ...
create trigger messages_stats_update after update on messages
    for each row when (old.status is distinct from new.status
        or old.error_code is distinct from new.error_code
        or old.delivered_at is distinct from new.delivered_at
        or (new.delivered_at is not null and (old.sent_at is distinct from new.sent_at
                                              or old.created_at is distinct from new.created_at))
        or old.created_at is distinct from new.created_at
        or old.org_id is distinct from new.org_id
        or old.channel is distinct from new.channel
        or old.from_address is distinct from new.from_address
        or old.messaging_service_sid is distinct from new.messaging_service_sid)
    execute function message_stats_track();

-- Moves the pending changes into the rollup, one fold at a time; answers how many changes it moved.
-- Rows whose count falls to 0 stay (harmless: the queries leave out sums of 0).
create function fold_message_stats() returns bigint language plpgsql as $$
declare
    moved bigint;
begin
    perform pg_advisory_xact_lock(hashtext('fold_message_stats'));
    with taken as (delete from message_stats_changes returning *),
    counts as (
        insert into message_counts_hourly as t
        select org_id, hour, channel, status, error_code, sum(change) from taken
        group by org_id, hour, channel, status, error_code
        on conflict (org_id, hour, channel, status, error_code) do update set messages = t.messages + excluded.messages),
    counts_daily as (
        insert into message_counts_daily as t
        select org_id, date_trunc('day', hour, 'UTC'), channel, status, error_code, sum(change) from taken
        group by 1, 2, 3, 4, 5
        on conflict (org_id, day, channel, status, error_code) do update set messages = t.messages + excluded.messages),
    senders as (
        insert into message_sender_counts_hourly as t
        select org_id, hour, sender, channel, status, sum(change) from taken
        group by org_id, hour, sender, channel, status
        on conflict (org_id, hour, sender, channel, status) do update set messages = t.messages + excluded.messages),
    senders_daily as (
        insert into message_sender_counts_daily as t
        select org_id, date_trunc('day', hour, 'UTC'), sender, channel, status, sum(change) from taken
        group by 1, 2, 3, 4, 5
        on conflict (org_id, day, sender, channel, status) do update set messages = t.messages + excluded.messages),
    times as (
        insert into message_delivery_times_hourly as t
        select org_id, hour, channel, delivery_bucket, sum(change) from taken where delivery_bucket is not null
        group by org_id, hour, channel, delivery_bucket
        on conflict (org_id, hour, channel, bucket) do update set messages = t.messages + excluded.messages),
    times_daily as (
        insert into message_delivery_times_daily as t
        select org_id, date_trunc('day', hour, 'UTC'), channel, delivery_bucket, sum(change) from taken
        where delivery_bucket is not null
        group by 1, 2, 3, 4
        on conflict (org_id, day, channel, bucket) do update set messages = t.messages + excluded.messages)
    select count(*) into moved from taken;
    return moved;
end
$$;

-- The messages already there, in key order (an organization's hours on neighbouring pages). The
-- trigger above already holds a lock that keeps writers out until this migration commits, so
-- nothing is counted twice or missed.
insert into message_counts_hourly
select org_id, date_trunc('hour', created_at, 'UTC'), channel, status, coalesce(error_code, 0), count(*)
from messages group by 1, 2, 3, 4, 5 order by 1, 2;

insert into message_sender_counts_hourly
select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''), channel,
       status, count(*)
from messages group by 1, 2, 3, 4, 5 order by 1, 2;

insert into message_delivery_times_hourly
select org_id, date_trunc('hour', created_at, 'UTC'), channel, delivery_time_bucket(delivered_at, sent_at, created_at),
       count(*)
from messages where delivered_at is not null group by 1, 2, 3, 4 order by 1, 2;

insert into message_counts_daily
select org_id, date_trunc('day', hour, 'UTC'), channel, status, error_code, sum(messages)
from message_counts_hourly group by 1, 2, 3, 4, 5 order by 1, 2;

insert into message_sender_counts_daily
select org_id, date_trunc('day', hour, 'UTC'), sender, channel, status, sum(messages)
from message_sender_counts_hourly group by 1, 2, 3, 4, 5 order by 1, 2;

insert into message_delivery_times_daily
select org_id, date_trunc('day', hour, 'UTC'), channel, bucket, sum(messages)
from message_delivery_times_hourly group by 1, 2, 3, 4 order by 1, 2;
