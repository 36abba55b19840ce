-- Refused Event Streams batches can be replayed once the configuration that refused them is fixed (issue
-- 22), as refused callbacks can (V9). A replay checks the signature again over the body as received, so
-- only a batch kept whole can be replayed; its events are kept as the web adapter read them, so the
-- replay reads nothing again. Batches kept before this migration, and batches whose body was cut to the
-- quarantine's size, have none and can only be read.
alter table refused_event_batches add column events jsonb;

-- A replay selects an account's batches in time order.
create index refused_event_batches_received_idx on refused_event_batches (received_at, refused_id);
