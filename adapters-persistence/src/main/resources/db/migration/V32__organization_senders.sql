-- The senders each organization may send from (issue 20): numbers (SMS), WhatsApp senders and
-- Messaging Services, at most one default per channel. An organization with none may send from any.
create table organization_senders (
    org_id     bigint      not null references organizations (org_id),
    channel    text        not null check (channel in ('sms', 'whatsapp')),
    kind       text        not null check (kind in ('number', 'service')),
    -- E.164 for a number, the MG... SID for a Messaging Service.
    sender     text        not null,
    is_default boolean     not null default false,
    created_at timestamptz not null default now(),
    primary key (org_id, channel, kind, sender)
);

create unique index organization_senders_one_default on organization_senders (org_id, channel) where is_default;
