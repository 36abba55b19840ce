-- Twilio accounts (main accounts and subaccounts) registered for organizations while the service runs
-- (issue 20). The account of 'default' stays on its organizations row, written from the settings at
-- every start. Tokens are stored as TokenCipher seals them (AES-256-GCM with tracker.secrets.key).
create table twilio_accounts (
    account_sid         text        primary key check (account_sid ~ '^AC[0-9a-f]{32}$'),
    org_id              bigint      not null references organizations (org_id),
    parent_account_sid  text        check (parent_account_sid ~ '^AC[0-9a-f]{32}$'),
    friendly_name       text        not null default '',
    auth_token          text        not null,
    -- Set during a rotation: callbacks signed with it still verify until an administrator finishes it.
    previous_auth_token text,
    registered_at       timestamptz not null
);

create index twilio_accounts_org_idx on twilio_accounts (org_id, registered_at);
