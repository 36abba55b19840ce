-- Statistics by origin (issue 19): how messages sent through the tracker and messages adopted from
-- other applications' callbacks fared, side by side. One more pair of rollup tables, fed by the same
-- change rows and the same fold as the others.

-- Writers wait until this migration commits: no change row is written with the old trigger after
-- the pending ones are folded below, so the backfill from messages counts each message once.
lock table messages in share mode;
select fold_message_stats();

alter table message_stats_changes add column origin text not null default 'api';

create table message_origin_counts_hourly (
    org_id   bigint      not null,
    hour     timestamptz not null,
    origin   text        not null,
    channel  text        not null,
    status   text        not null,
    messages integer     not null,
    primary key (org_id, hour, origin, channel, status) include (messages)
);

create table message_origin_counts_daily (
    org_id   bigint      not null,
    day      timestamptz not null,
    origin   text        not null,
    channel  text        not null,
    status   text        not null,
    messages integer     not null,
    primary key (org_id, day, origin, channel, status) include (messages)
);

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
    origins as (
        insert into message_origin_counts_hourly as t
        select org_id, hour, origin, channel, status, sum(change) from taken
        group by org_id, hour, origin, channel, status
        on conflict (org_id, hour, origin, channel, status) do update set messages = t.messages + excluded.messages),
    origins_daily as (
        insert into message_origin_counts_daily as t
        select org_id, date_trunc('day', hour, 'UTC'), origin, channel, status, sum(change) from taken
        group by 1, 2, 3, 4, 5
        on conflict (org_id, day, origin, channel, status) do update set messages = t.messages + excluded.messages),
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

insert into message_origin_counts_hourly
select org_id, date_trunc('hour', created_at, 'UTC'), origin, channel, status, count(*)
from messages group by 1, 2, 3, 4, 5 order by 1, 2;

insert into message_origin_counts_daily
select org_id, date_trunc('day', hour, 'UTC'), origin, channel, status, sum(messages)
from message_origin_counts_hourly group by 1, 2, 3, 4, 5 order by 1, 2;
