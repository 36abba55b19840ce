-- Indexes for the insights queries (docs/queries.md). messages is the write-hot table: each index
-- here is paid on every insert and on every status change (status and updated_at are indexed, so
-- those updates are never HOT and touch every index), so only filters without another way in get one.

-- "Messages to this number": support's first question. Without it a rare recipient means walking
-- the organization's whole history in messages_org_created_idx.
create index messages_org_to_created_idx on messages (org_id, to_address, created_at desc, message_id desc);

-- Tag filters (tags @> '{"k":"v"}'). jsonb_path_ops is smaller and faster than the default
-- jsonb_ops and answers exactly @>. The pending list (fastupdate, on by default) batches the
-- insertions that each status change causes.
create index messages_tags_idx on messages using gin (tags jsonb_path_ops);
