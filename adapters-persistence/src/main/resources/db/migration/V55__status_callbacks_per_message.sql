-- Per-message status callbacks (issue 21): the URL a message was sent with hears of every status change
-- of that message, signed with its organization's status-callback secret, retried and dead-lettered like
-- a subscription's notifications. Additive only: the outbox tables keep their columns (issue 23 reads them).

alter table messages add column status_callback text;

-- The change carries its message's callback, so the fan-out needs no second look at the message.
alter table notification_events add column status_callback text;

-- An organization's status-callback secret lives on a subscription row of its own ('status_callback'):
-- its callbacks are queued, claimed, leased and dead-lettered under that row like any subscription's,
-- and the organization's subscription list leaves it out. Its url is a placeholder, never posted to.
alter table notification_subscriptions add column purpose text not null default 'subscription'
    check (purpose in ('subscription', 'status_callback'));
create unique index notification_subscriptions_one_signer_idx on notification_subscriptions (org_id)
    where purpose = 'status_callback';

-- Where a status callback goes; empty for a subscription's notifications (they go to its url).
alter table notification_deliveries add column url text;

-- As in V22, plus: a change is written when its message has a status callback, and carries it. Only real
-- subscriptions make every change of their organization worth writing.
create or replace function announce_status_change() returns trigger language plpgsql as $$
begin
    if new.status = 'pending' or (tg_op = 'UPDATE' and new.status is not distinct from old.status) then
        return new;
    end if;
    new.notification_sequence := case when tg_op = 'INSERT' then 1 else old.notification_sequence + 1 end;
    if new.status_callback is not null or exists (select 1 from notification_subscriptions s
            where s.org_id = new.org_id and s.enabled and s.purpose = 'subscription') then
        insert into notification_events (org_id, message_id, sequence, status, sid, error_code, error_message,
            attempts, queued_at, sent_at, delivered_at, read_at, failed_at, changed_at, status_callback)
        values (new.org_id, new.message_id, new.notification_sequence, new.status, new.whatsapp_msg_sid,
            new.error_code, new.error_message, new.attempts, new.queued_at, new.sent_at, new.delivered_at,
            new.read_at, new.failed_at, clock_timestamp(), new.status_callback);
    end if;
    return new;
end
$$;
