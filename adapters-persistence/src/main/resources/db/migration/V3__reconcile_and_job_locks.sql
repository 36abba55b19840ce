-- Reconciliation: what polling Twilio needs beside a message's status. The status itself only ever
-- changes through the delivery log, by precedence.
alter table messages add column last_polled_at timestamptz;
alter table messages add column polls integer not null default 0;
-- Set when polling gave up (the horizon passed and Twilio still showed no final status): the message
-- keeps its last known status and is not polled any more.
alter table messages add column unconfirmed_at timestamptz;

-- The reconciler's query: per status, the messages without news for longest. Narrower than
-- messages_open_idx (V1): no pending (the outbox's job), no message without a SID, none given up.
create index messages_stale_idx on messages (status, updated_at)
    where status in ('accepted', 'scheduled', 'queued', 'sending', 'sent')
      and unconfirmed_at is null and whatsapp_msg_sid is not null;

-- Retention deletes the oldest log rows in batches; delivery_log_org_created_idx leads with org_id.
create index delivery_log_created_idx on message_delivery_log (created_at);

-- ShedLock: one row per scheduled job that must run on one instance at a time (reconcile, retention).
-- Times are written by the database (usingDbTime), so instances' clocks do not matter.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
