-- Feeds (issue 23): named relays, such as a Kafka topic, that are given every committed status change of
-- every organization. They hang off the notification outbox: the trigger of V22 writes a change into
-- notification_events when a feed is registered too, and the fan-out, in the transaction that takes the
-- change out, keeps one row per registered feed here. Each feed is a queue of its own, held by one relay
-- at a time for a lease, so a relay that dies is replaced when its lease ends and each message's events
-- leave in the order they were kept.

create table status_feeds (
    feed          text        primary key,
    registered_at timestamptz not null default now(),
    held_until    timestamptz
);

create table status_feed_events (
    entry_no   bigint generated always as identity primary key,
    feed       text        not null references status_feeds (feed) on delete cascade,
    message_id bigint      not null,
    event_id   text        not null,
    event_type text        not null,
    body       text        not null,
    changed_at timestamptz not null
);
create index status_feed_events_feed_idx on status_feed_events (feed, entry_no);

-- As V22's, and a change is written also while any feed is registered (the table holds a handful of rows).
create or replace function announce_status_change() returns trigger language plpgsql as $$
begin
    if new.status = 'pending' or (tg_op = 'UPDATE' and new.status is not distinct from old.status) then
        return new;
    end if;
    new.notification_sequence := case when tg_op = 'INSERT' then 1 else old.notification_sequence + 1 end;
    -- V55's conditions (the message's own status callback, the organization's subscriptions), and now any
    -- registered feed.
    if new.status_callback is not null
            or exists (select 1 from notification_subscriptions s
                       where s.org_id = new.org_id and s.enabled and s.purpose = 'subscription')
            or exists (select 1 from status_feeds) then
        insert into notification_events (org_id, message_id, sequence, status, sid, error_code, error_message,
            attempts, queued_at, sent_at, delivered_at, read_at, failed_at, changed_at, status_callback)
        values (new.org_id, new.message_id, new.notification_sequence, new.status, new.whatsapp_msg_sid,
            new.error_code, new.error_message, new.attempts, new.queued_at, new.sent_at, new.delivered_at,
            new.read_at, new.failed_at, clock_timestamp(), new.status_callback);
    end if;
    return new;
end
$$;
