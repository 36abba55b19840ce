-- Inbound messages from Twilio Event Streams (issue 22), kept apart from messages (which hold what the
-- organizations send), and each organization's choice of what to do with free-form WhatsApp sends
-- outside the customer service window the inbound messages open.
create table inbound_messages (
    inbound_id   bigint generated always as identity primary key,
    org_id       bigint      not null references organizations (org_id),
    message_sid  text        not null,
    channel      text        not null check (channel in ('sms', 'whatsapp')),
    from_address text        not null,
    to_address   text        not null,
    body         text        not null,
    received_at  timestamptz not null,
    unique (org_id, message_sid)
);

-- The window of a customer: their latest message to the organization.
create index inbound_messages_customer_idx on inbound_messages (org_id, from_address, received_at desc);
create index inbound_messages_recent_idx on inbound_messages (org_id, received_at desc);

create table whatsapp_window_enforcement (
    org_id bigint primary key references organizations (org_id),
    mode   text not null check (mode in ('refuse', 'warn', 'off'))
);
