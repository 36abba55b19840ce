-- Inbound messages (issue 22) become rows of messages with direction 'incoming', the column V1 made for
-- them, so a conversation, the API, the dashboard and the WhatsApp window read one table (ADR 0065,
-- superseding that part of ADR 0040). An incoming row holds the customer in from_address, the
-- organization's number in to_address (E.164, as outgoing rows), Twilio's SID in whatsapp_msg_sid,
-- status 'received' and created_at = when Twilio received it. Nothing that means "what we sent" may see
-- it: the statistics and notification triggers below leave it out, and every query of an outbound job says direction = 'outgoing'
-- or reads statuses an incoming row never has.

-- Statistics count what was sent: an incoming row is never added to (nor, when purged, taken from) the
-- rollup. V42's statement triggers see the rows of a statement in transition tables, where a trigger
-- condition cannot look, so the function reads only their outgoing rows; otherwise it is V42's.
create or replace function message_stats_fold_statement() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
               channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
               count(*), origin
        from new_rows
        where direction = 'outgoing'
        group by 1, 2, 3, 4, 5, 6, 7, 9;
    elsif tg_op = 'DELETE' then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
               channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
               -count(*), origin
        from old_rows
        where direction = 'outgoing'
        group by 1, 2, 3, 4, 5, 6, 7, 9;
    else
        -- A message whose key did not move (attempts, the SID, updated_at) adds -1 and +1 to the same key
        -- and leaves nothing behind.
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, hour, sender, channel, status, error_code, delivery_bucket, sum(change), origin
        from (
            select org_id, date_trunc('hour', created_at, 'UTC') as hour,
                   coalesce(from_address, messaging_service_sid, '') as sender, channel, status,
                   coalesce(error_code, 0) as error_code,
                   delivery_time_bucket(delivered_at, sent_at, created_at) as delivery_bucket, origin, -1 as change
            from old_rows
            where direction = 'outgoing'
            union all
            select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
                   channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
                   origin, 1
            from new_rows
            where direction = 'outgoing') as moves
        group by org_id, hour, sender, channel, status, error_code, delivery_bucket, origin
        having sum(change) <> 0;
    end if;
    return null;
end
$$;

-- A customer's message is not a status change of anything we sent: no notification (issue 21). Only the
-- trigger's condition changes, so V22's function stays the one that decides what a change is.
drop trigger messages_announce_status_change on messages;
create trigger messages_announce_status_change
    before insert or update of status on messages
    for each row when (new.direction = 'outgoing') execute function announce_status_change();

-- A customer's window: their latest message (to one number, or any). Partial, so sends never pay for it.
create index messages_incoming_customer_idx on messages (org_id, from_address, created_at desc, message_id desc)
    where direction = 'incoming';
-- The windows opened lately, and the messages list filtered on incoming.
create index messages_incoming_recent_idx on messages (org_id, created_at desc, message_id desc)
    where direction = 'incoming';

-- The move. Old instances of a rolling deploy insert into inbound_messages until they stop: they wait
-- here, then fail on the view below and answer 503, and Event Streams brings those batches again.
lock table inbound_messages in exclusive mode;

-- Twilio's SID is unique in messages as it is at Twilio: a row already there (a message moved before,
-- or one Twilio redelivered) is not written twice.
insert into messages (org_id, direction, channel, to_address, from_address, body, whatsapp_msg_sid, status,
                      attempts, created_at, updated_at)
select org_id, 'incoming', channel, regexp_replace(to_address, '^whatsapp:', ''),
       regexp_replace(from_address, '^whatsapp:', ''), body, message_sid, 'received', 0, received_at, received_at
from inbound_messages
order by received_at, inbound_id
on conflict (whatsapp_msg_sid text_pattern_ops) do nothing;

-- Nothing is dropped that did not move: a row whose SID another message already holds (which Twilio's
-- unique SIDs make impossible, but a signed batch could claim) is kept apart for an operator to read.
do $$
begin
    if exists (select 1 from inbound_messages i where not exists (
            select 1 from messages m where m.whatsapp_msg_sid = i.message_sid and m.direction = 'incoming'
              and m.org_id = i.org_id)) then
        create table inbound_messages_not_moved as
            select * from inbound_messages i where not exists (
                select 1 from messages m where m.whatsapp_msg_sid = i.message_sid and m.direction = 'incoming'
                  and m.org_id = i.org_id);
    end if;
end
$$;

drop table inbound_messages;

-- The old table's name and columns, read from messages, so queries written against V21 keep running.
create view inbound_messages as
select message_id as inbound_id, org_id, whatsapp_msg_sid as message_sid, channel,
       case when channel = 'whatsapp' then 'whatsapp:' else '' end || from_address as from_address,
       case when channel = 'whatsapp' then 'whatsapp:' else '' end || to_address as to_address,
       body, created_at as received_at
from messages
where direction = 'incoming';
