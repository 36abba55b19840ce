-- Statistics by origin (issue 19): messages sent through the tracker (api) and messages adopted from
-- other applications' callbacks (external), as a breakdown and as a filter of every statistic. Origin
-- becomes part of the key of every rollup table, fed by the same change rows and the same fold.

-- Writers wait until this migration commits: no change row is written with the old trigger after the
-- pending ones are folded here, so the recount below moves each adopted message exactly once.
lock table messages in share mode;
select fold_message_stats();

alter table message_stats_changes add column origin text not null default 'api';

alter table message_counts_hourly add column origin text not null default 'api';
alter table message_counts_hourly drop constraint message_counts_hourly_pkey;
alter table message_counts_hourly add primary key (org_id, hour, origin, channel, status, error_code) include (messages);

alter table message_counts_daily add column origin text not null default 'api';
alter table message_counts_daily drop constraint message_counts_daily_pkey;
alter table message_counts_daily add primary key (org_id, day, origin, channel, status, error_code) include (messages);

alter table message_sender_counts_hourly add column origin text not null default 'api';
alter table message_sender_counts_hourly drop constraint message_sender_counts_hourly_pkey;
alter table message_sender_counts_hourly add primary key (org_id, hour, origin, sender, channel, status) include (messages);

alter table message_sender_counts_daily add column origin text not null default 'api';
alter table message_sender_counts_daily drop constraint message_sender_counts_daily_pkey;
alter table message_sender_counts_daily add primary key (org_id, day, origin, sender, channel, status) include (messages);

alter table message_delivery_times_hourly add column origin text not null default 'api';
alter table message_delivery_times_hourly drop constraint message_delivery_times_hourly_pkey;
alter table message_delivery_times_hourly add primary key (org_id, hour, origin, channel, bucket) include (messages);

alter table message_delivery_times_daily add column origin text not null default 'api';
alter table message_delivery_times_daily drop constraint message_delivery_times_daily_pkey;
alter table message_delivery_times_daily add primary key (org_id, day, origin, channel, bucket) include (messages);

-- Until now every count was kept as 'api'; the messages adopted since V13 move to 'external'.
with moved as (
    select org_id, date_trunc('hour', created_at, 'UTC') as hour, channel, status, coalesce(error_code, 0) as error_code,
           count(*) as n
    from messages where origin = 'external' group by 1, 2, 3, 4, 5),
taken as (
    update message_counts_hourly t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.hour = moved.hour
      and t.origin = 'api' and t.channel = moved.channel and t.status = moved.status and t.error_code = moved.error_code)
insert into message_counts_hourly (org_id, hour, origin, channel, status, error_code, messages)
select org_id, hour, 'external', channel, status, error_code, n from moved;

with moved as (
    select org_id, date_trunc('day', created_at, 'UTC') as day, channel, status, coalesce(error_code, 0) as error_code,
           count(*) as n
    from messages where origin = 'external' group by 1, 2, 3, 4, 5),
taken as (
    update message_counts_daily t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.day = moved.day
      and t.origin = 'api' and t.channel = moved.channel and t.status = moved.status and t.error_code = moved.error_code)
insert into message_counts_daily (org_id, day, origin, channel, status, error_code, messages)
select org_id, day, 'external', channel, status, error_code, n from moved;

with moved as (
    select org_id, date_trunc('hour', created_at, 'UTC') as hour, coalesce(from_address, messaging_service_sid, '') as sender, channel, status,
           count(*) as n
    from messages where origin = 'external' group by 1, 2, 3, 4, 5),
taken as (
    update message_sender_counts_hourly t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.hour = moved.hour
      and t.origin = 'api' and t.sender = moved.sender and t.channel = moved.channel and t.status = moved.status)
insert into message_sender_counts_hourly (org_id, hour, origin, sender, channel, status, messages)
select org_id, hour, 'external', sender, channel, status, n from moved;

with moved as (
    select org_id, date_trunc('day', created_at, 'UTC') as day, coalesce(from_address, messaging_service_sid, '') as sender, channel, status,
           count(*) as n
    from messages where origin = 'external' group by 1, 2, 3, 4, 5),
taken as (
    update message_sender_counts_daily t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.day = moved.day
      and t.origin = 'api' and t.sender = moved.sender and t.channel = moved.channel and t.status = moved.status)
insert into message_sender_counts_daily (org_id, day, origin, sender, channel, status, messages)
select org_id, day, 'external', sender, channel, status, n from moved;

with moved as (
    select org_id, date_trunc('hour', created_at, 'UTC') as hour, channel, delivery_time_bucket(delivered_at, sent_at, created_at) as bucket,
           count(*) as n
    from messages where origin = 'external' and delivered_at is not null group by 1, 2, 3, 4),
taken as (
    update message_delivery_times_hourly t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.hour = moved.hour
      and t.origin = 'api' and t.channel = moved.channel and t.bucket = moved.bucket)
insert into message_delivery_times_hourly (org_id, hour, origin, channel, bucket, messages)
select org_id, hour, 'external', channel, bucket, n from moved;

with moved as (
    select org_id, date_trunc('day', created_at, 'UTC') as day, channel, delivery_time_bucket(delivered_at, sent_at, created_at) as bucket,
           count(*) as n
    from messages where origin = 'external' and delivered_at is not null group by 1, 2, 3, 4),
taken as (
    update message_delivery_times_daily t set messages = t.messages - moved.n from moved
    where t.org_id = moved.org_id and t.day = moved.day
      and t.origin = 'api' and t.channel = moved.channel and t.bucket = moved.bucket)
insert into message_delivery_times_daily (org_id, day, origin, channel, bucket, messages)
select org_id, day, 'external', channel, bucket, n from moved;

create or replace function message_stats_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        values (old.org_id, date_trunc('hour', old.created_at, 'UTC'),
            coalesce(old.from_address, old.messaging_service_sid, ''), old.channel, old.status,
            coalesce(old.error_code, 0), delivery_time_bucket(old.delivered_at, old.sent_at, old.created_at), -1,
            old.origin);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        values (new.org_id, date_trunc('hour', new.created_at, 'UTC'),
            coalesce(new.from_address, new.messaging_service_sid, ''), new.channel, new.status,
            coalesce(new.error_code, 0), delivery_time_bucket(new.delivered_at, new.sent_at, new.created_at), 1,
            new.origin);
    end if;
    return null;
end
$$;

drop trigger messages_stats_update on messages;
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
        or old.messaging_service_sid is distinct from new.messaging_service_sid
        or old.origin is distinct from new.origin)
    execute function message_stats_track();

create or replace function fold_message_stats() returns bigint language plpgsql as $$
declare
    moved bigint;
begin
    perform pg_advisory_xact_lock(hashtext('fold_message_stats'));
    with taken as (delete from message_stats_changes returning *),
    counts as (
        insert into message_counts_hourly as t (org_id, hour, origin, channel, status, error_code, messages)
        select org_id, hour, origin, channel, status, error_code, sum(change) from taken
        group by 1, 2, 3, 4, 5, 6
        on conflict (org_id, hour, origin, channel, status, error_code)
        do update set messages = t.messages + excluded.messages),
    counts_daily as (
        insert into message_counts_daily as t (org_id, day, origin, channel, status, error_code, messages)
        select org_id, date_trunc('day', hour, 'UTC'), origin, channel, status, error_code, sum(change) from taken
        group by 1, 2, 3, 4, 5, 6
        on conflict (org_id, day, origin, channel, status, error_code)
        do update set messages = t.messages + excluded.messages),
    senders as (
        insert into message_sender_counts_hourly as t (org_id, hour, origin, sender, channel, status, messages)
        select org_id, hour, origin, sender, channel, status, sum(change) from taken
        group by 1, 2, 3, 4, 5, 6
        on conflict (org_id, hour, origin, sender, channel, status)
        do update set messages = t.messages + excluded.messages),
    senders_daily as (
        insert into message_sender_counts_daily as t (org_id, day, origin, sender, channel, status, messages)
        select org_id, date_trunc('day', hour, 'UTC'), origin, sender, channel, status, sum(change) from taken
        group by 1, 2, 3, 4, 5, 6
        on conflict (org_id, day, origin, sender, channel, status)
        do update set messages = t.messages + excluded.messages),
    times as (
        insert into message_delivery_times_hourly as t (org_id, hour, origin, channel, bucket, messages)
        select org_id, hour, origin, channel, delivery_bucket, sum(change) from taken
        where delivery_bucket is not null
        group by 1, 2, 3, 4, 5
        on conflict (org_id, hour, origin, channel, bucket) do update set messages = t.messages + excluded.messages),
    times_daily as (
        insert into message_delivery_times_daily as t (org_id, day, origin, channel, bucket, messages)
        select org_id, date_trunc('day', hour, 'UTC'), origin, channel, delivery_bucket, sum(change) from taken
        where delivery_bucket is not null
        group by 1, 2, 3, 4, 5
        on conflict (org_id, day, origin, channel, bucket) do update set messages = t.messages + excluded.messages)
    select count(*) into moved from taken;
    return moved;
end
$$;
