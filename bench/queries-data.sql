-- Generated data for the query benchmark (bench/queries.sh, docs/queries.md). Run by
-- QueryBenchmark step by step: each "-- step:" block is one statement batch; a block marked
-- "per-worker" runs once per load worker, with {lo} and {hi} replaced by that worker's slice of
-- message numbers 1..{messages}. The indexes are dropped before and built after the load.
--
-- The shape: 5 organizations, org 1 holding 85% of the messages; 120 days of traffic in creation
-- order (as a real table fills); 70% SMS, 30% WhatsApp; skewed recipients and senders (a few
-- numbers and messaging services send most); statuses 88% delivered or read, 5% undelivered, 2%
-- failed, 3% stuck at sent, a few queued or accepted; Twilio error codes on the failures; tags on
-- 70% (a campaign shared by many, or an order number unique to one); four delivery-log rows per
-- message (send response, callbacks, reads, polls, retried send failures).

-- step: organizations
insert into organizations (org_id, name, twilio_account_sid, default_from, created_at)
select o, 'bench org ' || o, 'AC' || md5('bench account ' || o), '+15005550' || lpad(o::text, 3, '0'),
       timestamptz '2026-01-01 00:00:00+00'
from generate_series(1, 5) o;
select setval(pg_get_serial_sequence('organizations', 'org_id'), 5);

-- step: messages per-worker
insert into messages (message_id, org_id, channel, to_address, from_address, messaging_service_sid, body, tags,
                      whatsapp_msg_sid, status, error_code, attempts, created_at, queued_at, sent_at, delivered_at,
                      read_at, failed_at, updated_at)
select n, org, channel, '+316' || org || lpad(floor(r_to * r_to * recipients)::int::text, 7, '0'),
       case when sender >= services then '+1500555' || lpad((org * 100 + sender)::text, 4, '0') end,
       case when sender < services then 'MG' || md5('bench service ' || org || ':' || sender) end,
       'Your code is ' || (n % 1000000),
       case when r_tag < 0.5 then jsonb_build_object('campaign', 'c' || floor(r_tag * 80)::int)
            when r_tag < 0.7 then jsonb_build_object('order', n::text)
            else '{}'::jsonb end,
       case when not send_failed then 'SM' || md5(n::text) end,
       status, error_code, case when send_failed then 3 else 1 end,
       created_at,
       case when not send_failed then queued_at end,
       case when status in ('sent', 'delivered', 'read', 'undelivered') then sent_at end,
       case when status in ('delivered', 'read') then sent_at + deliver end,
       case when status = 'read' then sent_at + deliver + read_after end,
       case when status = 'failed' and send_failed then created_at + interval '10 minutes'
            when status = 'failed' then queued_at + interval '2 seconds'
            when status = 'undelivered' then sent_at + deliver end,
       created_at + interval '1 hour'
from (
    select n, org, channel, r_to, r_tag, sender, services, recipients, created_at, queued_at, sent_at, deliver,
           read_after, s.status, s.send_failed,
           case when s.status = 'failed' and s.send_failed and channel = 'whatsapp' then 63016
                when s.status = 'failed' and s.send_failed then
                    case when r_err < 0.5 then 21610 when r_err < 0.8 then 21211 else 21408 end
                when s.status = 'failed' then 30007
                when s.status = 'undelivered' then
                    case when r_err < 0.55 then 30003 when r_err < 0.75 then 30005 when r_err < 0.9 then 30006
                         when r_err < 0.99 then 30007 else 30008 end
           end as error_code
    from (
        select n, org, r_st, r_err, r_to, r_tag, r_read,
               case when r_ch < 0.3 then 'whatsapp' else 'sms' end as channel,
               -- Senders: org 1 has 3 messaging services and 24 numbers, the others 1 and 4; squared, so a few send most.
               floor(r_from * r_from * (case when org = 1 then 27 else 5 end))::int as sender,
               case when org = 1 then 3 else 1 end as services,
               case when org = 1 then 2000000 else 100000 end as recipients,
               created_at,
               created_at + (50 + 500 * u3) * interval '1 millisecond' as queued_at,
               created_at + (150 + 2500 * u3) * interval '1 millisecond' as sent_at,
               -- Time to deliver: log-normal, median about 1.1 s, a long tail up to hours.
               least(exp(7 + 1.1 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)), 86400000) * interval '1 millisecond' as deliver,
               (10 + 7200 * r_read * r_read) * interval '1 second' as read_after
        from (
            select n,
                   case when n % 100 < 85 then 1 when n % 100 < 93 then 2 when n % 100 < 98 then 3
                        when n % 100 < 99 then 4 else 5 end as org,
                   timestamptz '{start}' + (n::float8 / {messages}) * interval '120 days'
                       + (random() * 1000) * interval '1 millisecond' as created_at,
                   random() as r_ch, random() as r_st, random() as r_err, random() as r_to, random() as r_from,
                   random() as r_tag, random() as r_read, 1 - random() as u1, random() as u2, random() as u3
            from generate_series({lo}, {hi}) n
        ) g
    ) h
    cross join lateral (
        select case when r_st < 0.015 then 'failed' when r_st < 0.02 then 'failed'
                    when r_st < 0.07 then 'undelivered' when r_st < 0.10 then 'sent'
                    when r_st < 0.103 then 'queued' when r_st < 0.104 then 'accepted'
                    when h.channel = 'whatsapp' and r_read < 0.6 then 'read'
                    else 'delivered' end as status,
               r_st < 0.015 as send_failed
    ) s
) m;

-- step: message identity
select setval(pg_get_serial_sequence('messages', 'message_id'), (select max(message_id) from messages));

-- step: delivery log per-worker
insert into message_delivery_log (org_id, message_id, provider_sid, account_sid, status, error_code, source,
                                  provider_payload, dedupe_key, created_at)
select m.org_id, m.message_id, m.whatsapp_msg_sid, 'AC' || md5('bench account ' || m.org_id), e.status,
       e.error_code, e.source,
       case when e.source = 'callback' then jsonb_build_object('MessageSid', m.whatsapp_msg_sid,
                'MessageStatus', e.status, 'AccountSid', 'AC' || md5('bench account ' || m.org_id), 'ApiVersion', '2010-04-01')
                || case when e.error_code is not null then jsonb_build_object('ErrorCode', e.error_code::text) else '{}' end
            else '{}'::jsonb end,
       md5(m.message_id || ':' || k), e.created_at
from messages m
cross join generate_series(1, 4) k
cross join lateral (
    select case when m.whatsapp_msg_sid is null then 'failed'
                when k = 1 then 'queued'
                when k = 2 and m.status not in ('queued', 'accepted') then 'sent'
                when k = 3 and m.status not in ('queued', 'accepted') then m.status
                when k = 4 and m.status = 'read' then 'read'
                else m.status end as status,
           case when m.whatsapp_msg_sid is null then 'send_failure'
                when k = 1 then 'send_response'
                when k = 4 and m.status <> 'read' then 'poll'
                when m.status in ('queued', 'accepted') then 'poll'
                else 'callback' end as source,
           case when m.whatsapp_msg_sid is null or (k >= 3 and m.status in ('failed', 'undelivered'))
                then m.error_code end as error_code,
           case when m.whatsapp_msg_sid is null then m.created_at + (k - 1) * interval '3 minutes'
                when k = 1 then m.queued_at
                when k = 2 then coalesce(m.sent_at, m.queued_at + interval '1 minute')
                when k = 3 then coalesce(m.delivered_at, m.failed_at, m.sent_at, m.queued_at) + interval '1 millisecond'
                else coalesce(m.read_at, m.delivered_at, m.failed_at, m.sent_at, m.queued_at) + interval '10 minutes'
           end as created_at
) e
where m.message_id between {lo} and {hi};
