-- Send budgets of the API: Bucket4j's token buckets, one row per bucket, shared by every instance.
-- The layout is the one Bucket4j's PostgreSQL backend expects (its state serialised in a bytea);
-- expires_at (epoch milliseconds) says when the bucket would be full again, so rows of idle keys can go.
create table rate_limit_buckets (
    bucket_key text   primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_buckets_expires_idx on rate_limit_buckets (expires_at);

-- Send budgets an operator set for one organization; a null column takes the configured default
-- (tracker.rate-limits.*). A budget is N requests per S seconds, refilled gradually.
create table organization_rate_limits (
    org_id                     bigint      primary key references organizations (org_id),
    per_key_requests           integer     check (per_key_requests > 0),
    per_key_seconds            integer     check (per_key_seconds > 0),
    per_organization_requests  integer     check (per_organization_requests > 0),
    per_organization_seconds   integer     check (per_organization_seconds > 0),
    updated_at                 timestamptz not null default now()
);

-- Outbound pacing: one schedule per Twilio sender ('sender:+1555...', 'sender:whatsapp:+1...',
-- 'sender:MG...') and per account ('account:AC...'). next_due is when the lane's next message would
-- be due had it sent at its steady rate; a message may go up to (burst - 1) intervals before it.
create table sending_pace (
    pace_key text        primary key,
    next_due timestamptz not null
);

-- A message whose place in its sender's pace is in the future waits in the outbox until then; the
-- column shows it (and the message API answers it as pacedUntil). Null: it waits for nothing, or
-- for a retry backoff.
alter table message_outbox add column paced_until timestamptz;
