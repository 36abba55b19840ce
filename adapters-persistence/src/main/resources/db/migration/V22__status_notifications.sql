-- Status-change notifications (issue 21): subscriptions, the changes written by the status change's own
-- transaction, and the notifications posted from them at least once.

create table notification_subscriptions (
    subscription_id       bigint generated always as identity primary key,
    org_id                bigint      not null references organizations (org_id),
    url                   text        not null,
    scope                 text        not null check (scope in ('every_status', 'final_only', 'failures_only')),
    channels              text[]      not null default '{}',
    tags                  jsonb       not null default '{}'::jsonb,
    enabled               boolean     not null default true,
    paused_reason         text        not null default '',
    -- Sealed like the Twilio auth tokens when tracker.secrets.key is set (ADR 0018).
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index notification_subscriptions_org_idx on notification_subscriptions (org_id, subscription_id);

-- Each message counts its status changes, so every notification carries its place in the message's story.
alter table messages add column notification_sequence integer not null default 0;

-- A queue, not a history: the fan-out takes rows out in the transaction that turns them into notifications.
create table notification_events (
    event_no      bigint generated always as identity primary key,
    event_id      uuid        not null default gen_random_uuid(),
    org_id        bigint      not null,
    message_id    bigint      not null,
    sequence      integer     not null,
    status        text        not null,
    sid           text,
    error_code    integer,
    error_message text,
    attempts      integer     not null,
    queued_at     timestamptz,
    sent_at       timestamptz,
    delivered_at  timestamptz,
    read_at       timestamptz,
    failed_at     timestamptz,
    changed_at    timestamptz not null
);

-- Written by the statement that changes the status, so in its transaction whichever path changed it
-- (the callbacks' group commit, Twilio's answer to a send, a failed send, an adoption, a poll): a
-- committed change is never without its notification, and a rolled back one never has one. The trigger
-- records facts only; which subscriptions hear of it is the application's decision at fan-out.
create function announce_status_change() returns trigger language plpgsql as $$
begin
    if new.status = 'pending' or (tg_op = 'UPDATE' and new.status is not distinct from old.status) then
        return new;
    end if;
    new.notification_sequence := case when tg_op = 'INSERT' then 1 else old.notification_sequence + 1 end;
    if exists (select 1 from notification_subscriptions s where s.org_id = new.org_id and s.enabled) then
        insert into notification_events (org_id, message_id, sequence, status, sid, error_code, error_message,
            attempts, queued_at, sent_at, delivered_at, read_at, failed_at, changed_at)
        values (new.org_id, new.message_id, new.notification_sequence, new.status, new.whatsapp_msg_sid,
            new.error_code, new.error_message, new.attempts, new.queued_at, new.sent_at, new.delivered_at,
            new.read_at, new.failed_at, clock_timestamp());
    end if;
    return new;
end
$$;

create trigger messages_announce_status_change
    before insert or update of status on messages
    for each row execute function announce_status_change();

create table notification_deliveries (
    delivery_id        bigint generated always as identity primary key,
    subscription_id    bigint      not null references notification_subscriptions (subscription_id) on delete cascade,
    org_id             bigint      not null,
    event_id           text        not null,
    event_type         text        not null,
    body               text        not null,
    state              text        not null default 'pending' check (state in ('pending', 'dead')),
    attempts           integer     not null default 0,
    due_at             timestamptz not null,
    claimed_until      timestamptz,
    first_attempted_at timestamptz,
    last_error         text        not null default '',
    created_at         timestamptz not null,
    dead_at            timestamptz
);
-- A claim reads, per enabled subscription, how many of its notifications are in flight and then its
-- oldest due ones: two index lookups per subscription, however long a dead receiver's backlog grows.
create index notification_deliveries_claim_idx on notification_deliveries (subscription_id, due_at, delivery_id)
    where state = 'pending';
create index notification_deliveries_held_idx on notification_deliveries (subscription_id, claimed_until)
    where state = 'pending' and claimed_until is not null;
create index notification_deliveries_dead_idx on notification_deliveries (org_id, delivery_id desc)
    where state = 'dead';
