-- Inbound messages (issue 22) become rows of messages with direction 'incoming', the column V1 made for
-- them, so a conversation, the API, the dashboard and the WhatsApp window read one table (ADR 0065,
-- superseding that part of ADR 0040). An incoming row holds the customer in from_address, the
-- organization's number in to_address (E.164, as outgoing rows), Twilio's SID in whatsapp_msg_sid,
-- status 'received' and created_at = when Twilio received it. Nothing that means "what we sent" may see
-- it: the triggers below leave it out, and every query of an outbound job says direction = 'outgoing'
-- or reads statuses an incoming row never has.

-- Statistics count what was sent: an incoming row is never added to (nor, when purged, taken from) the
-- rollup. The insert/delete trigger of V10 is split, because a WHEN clause cannot read NEW on a delete
-- nor OLD on an insert.
drop trigger messages_stats_insert_delete on messages;
create trigger messages_stats_insert after insert on messages
    for each row when (new.direction = 'outgoing') execute function message_stats_track();
create trigger messages_stats_delete after delete on messages
    for each row when (old.direction = 'outgoing') execute function message_stats_track();

-- V41's condition, for outgoing rows only.
drop trigger messages_stats_update on messages;
create trigger messages_stats_update after update on messages
    for each row when (old.direction = 'outgoing' and new.direction = 'outgoing' and (
           old.status is distinct from new.status
        or old.error_code is distinct from new.error_code
        or old.delivered_at is distinct from new.delivered_at
        or (new.delivered_at is not null and (old.sent_at is distinct from new.sent_at
                                              or old.created_at is distinct from new.created_at))
        or old.created_at is distinct from new.created_at
        or old.org_id is distinct from new.org_id
        or old.channel is distinct from new.channel
        or old.from_address is distinct from new.from_address
        or old.messaging_service_sid is distinct from new.messaging_service_sid
        or old.origin is distinct from new.origin))
    execute function message_stats_track();

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
