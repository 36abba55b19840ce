-- Sending: a message is stored together with its outbox entry, in one transaction. Dispatchers on
-- any number of instances claim due entries with FOR UPDATE SKIP LOCKED under a lease.
create table message_outbox (
    message_id    bigint      primary key references messages (message_id) on delete cascade,
    org_id        bigint      not null references organizations (org_id),
    due_at        timestamptz not null,
    attempts      integer     not null default 0,
    -- Set while a dispatcher holds the entry; an expired lease means that dispatcher died mid-send.
    claimed_until timestamptz,
    -- When the first attempt started; before a retry that may duplicate, Twilio is asked what it
    -- got for this recipient since then.
    first_attempted_at timestamptz,
    -- The last attempt may have reached Twilio (a 5xx, no answer, or the dispatcher died mid-send).
    in_doubt      boolean     not null default false,
    last_error    text,
    created_at    timestamptz not null default now()
);

create index message_outbox_due_idx on message_outbox (due_at);

-- What the caller asked for, to tell a repeated request (same key, same request) from a conflicting one.
alter table messages add column request_fingerprint text;

-- API keys of internal services: only a SHA-256 of the key is stored.
create table api_keys (
    key_id     bigint generated always as identity primary key,
    org_id     bigint      not null references organizations (org_id),
    name       text        not null,
    key_hash   text        not null unique,
    -- The first characters of the key, so an operator can tell keys apart without the secret.
    key_prefix text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create index api_keys_org_idx on api_keys (org_id);
