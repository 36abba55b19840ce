-- What the provider charged for a message and how many segments it took (issue 19). Status callbacks
-- never say; the provider's message resource does, some time after the final status. A table of its
-- own, so that a status change of a message never rewrites these columns.
create table message_charges (
    message_id   bigint      primary key references messages (message_id) on delete cascade,
    org_id       bigint      not null references organizations (org_id),
    num_segments integer     check (num_segments >= 0),
    -- The positive amount spent; the provider writes it negative.
    price        numeric(14, 5) check (price >= 0),
    price_unit   text        check (price_unit ~ '^[A-Z]{3}$'),
    asked_at     timestamptz not null,
    asks         integer     not null default 1,
    constraint message_charges_price_with_unit check ((price is null) = (price_unit is null))
);

-- The charge collector's candidates: final messages in order of their last change. Partial, so a
-- message on its way is never in it; a final status change writes one entry.
create index messages_final_changed_idx on messages (updated_at)
    where status in ('delivered', 'read', 'failed', 'undelivered');
