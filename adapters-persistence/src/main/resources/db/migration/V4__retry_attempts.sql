-- Each earlier attempt of a message that was sent again: its own Twilio SID and how it ended. The
-- message row always shows the latest attempt; late reports on an earlier SID land in the history.
create table message_attempts (
    message_id    bigint      not null references messages (message_id) on delete cascade,
    attempt       integer     not null,
    org_id        bigint      not null references organizations (org_id),
    provider_sid  text,
    status        text        not null,
    error_code    integer,
    error_message text,
    ended_at      timestamptz not null,
    primary key (message_id, attempt)
);

create unique index message_attempts_sid_idx on message_attempts (provider_sid) where provider_sid is not null;

-- Per-organization automatic retries; an organization without a row gets the defaults.
create table retry_policies (
    org_id         bigint      primary key references organizations (org_id),
    enabled        boolean     not null,
    max_attempts   integer     not null check (max_attempts between 1 and 10),
    first_delay_ms bigint      not null check (first_delay_ms >= 0),
    max_delay_ms   bigint      not null check (max_delay_ms >= first_delay_ms),
    updated_at     timestamptz not null default now()
);

-- The retry job looks at failures by time, across organizations.
create index messages_failed_at_idx on messages (failed_at)
    where status in ('failed', 'undelivered');
