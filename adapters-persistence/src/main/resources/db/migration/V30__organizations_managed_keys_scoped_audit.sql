-- Organizations managed while the service runs (issue 20): a disabled organization sends nothing,
-- its callbacks are still recorded.
alter table organizations add column disabled_at timestamptz;

-- API keys carry scopes (send, read, manage, platform), an optional expiry and their last use.
alter table api_keys
    add column scopes       text[]      not null default '{send,read,manage}',
    add column expires_at   timestamptz,
    add column last_used_at timestamptz;
alter table api_keys add constraint api_keys_scopes_known
    check (scopes <@ array['send', 'read', 'manage', 'platform']::text[] and cardinality(scopes) > 0);

-- The first key of the organization 'default' (generated or configured at start) is the one credential
-- a first run has: it reaches above organizations, so it can create the others.
update api_keys set scopes = '{send,read,manage,platform}'
 where name in ('first key', 'configured')
   and org_id = (select min(org_id) from organizations where name = 'default');

-- Every administrative change: who, when, which organization, what changed. Never a secret.
create table audit_events (
    audit_id   bigint generated always as identity primary key,
    at         timestamptz not null,
    actor      text        not null,
    org_id     bigint      references organizations (org_id),
    action     text        not null,
    changes    jsonb       not null default '{}'::jsonb
);

create index audit_events_org_idx on audit_events (org_id, audit_id desc);
