-- Per-message status callbacks get places in flight per receiving host (issue 21, ADR 0088): one slow or
-- dead callback host no longer takes the places of its organization's other callback hosts. Additive only.

-- The callback's scheme, host and port (https://orders.example.com:443), written by the fan-out; empty for
-- a subscription's notifications, whose unit is the subscription itself.
alter table notification_deliveries add column destination text;

update notification_deliveries
set destination = lower(substring(url from '^([^:]+)://')) || '://' || lower(substring(url from '^[^:]+://([^/?#]*)'))
    || case when substring(url from '^[^:]+://([^/?#]*)') ~ ':[0-9]+$' then ''
            when lower(substring(url from '^([^:]+)://')) = 'https' then ':443' else ':80' end
where url is not null;

-- The claim walks the hosts with waiting callbacks (one probe per host), then each host's oldest due ones.
create index notification_deliveries_destination_idx on notification_deliveries
    (subscription_id, destination, due_at, delivery_id) where state = 'pending' and destination is not null;
-- How many of a host's callbacks are in flight.
create index notification_deliveries_destination_held_idx on notification_deliveries
    (subscription_id, destination, claimed_until)
    where state = 'pending' and claimed_until is not null and destination is not null;
