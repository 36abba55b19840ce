-- Twilio Event Streams (issue 22). Message status events go into message_delivery_log like status
-- callbacks; what is not recorded there is kept here.

-- Events of verified batches that are not recorded elsewhere: types the tracker does not read, and
-- events of a type it reads that could not be read. Once per organization and CloudEvent id, since
-- Twilio delivers at least once.
create table stream_events_kept (
    kept_id     bigint generated always as identity primary key,
    org_id      bigint      not null references organizations (org_id),
    account_sid text        not null,
    event_id    text        not null,
    type        text        not null,
    disposition text        not null check (disposition in ('unhandled_type', 'unreadable')),
    reason      text        not null,
    event       jsonb       not null,
    received_at timestamptz not null,
    unique (org_id, event_id)
);

create index stream_events_kept_type_idx on stream_events_kept (org_id, type, received_at desc);
create index stream_events_kept_age_idx on stream_events_kept (received_at);

-- Batches the signature check refused, kept as received (the body as text: the signature covers its
-- bytes, and jsonb would not keep them) up to a size: a refused body proves nothing, and a batch may be
-- a megabyte. Bounded per hour and by age, like refused_callbacks.
create table refused_event_batches (
    refused_id     bigint generated always as identity primary key,
    account_sids   text        not null,
    reason         text        not null,
    url            text        not null,
    body           text        not null,
    body_length    integer     not null,
    signature      text,
    source_address text,
    received_at    timestamptz not null
);

create index refused_event_batches_age_idx on refused_event_batches (received_at);
