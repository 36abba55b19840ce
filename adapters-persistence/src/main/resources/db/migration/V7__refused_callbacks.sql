-- Callbacks refused by the signature check, kept so a misconfiguration (public URL, proxy headers, a
-- rotated token) loses nothing: an operator can see what was refused and why, and recover it. The
-- quarantine is bounded per account and hour (the adapter drops the oldest beyond the cap and counts
-- them), so a flood of forged posts cannot fill the database.
create table refused_callbacks (
    refused_id  bigint generated always as identity primary key,
    account_sid text,
    reason      text        not null,
    url         text        not null,
    payload     jsonb       not null,
    signature   text,
    received_at timestamptz not null
);

create index refused_callbacks_account_idx on refused_callbacks (account_sid, received_at desc);

create table refused_callback_drops (
    account_sid text        not null,
    hour        timestamptz not null,
    dropped     bigint      not null,
    primary key (account_sid, hour)
);
