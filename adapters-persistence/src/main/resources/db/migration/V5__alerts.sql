-- Alerts: rules per organization, and one incident per firing period of a rule.
create table alert_rules (
    rule_id        bigint generated always as identity primary key,
    org_id         bigint      not null references organizations (org_id),
    kind           text        not null check (kind in ('failure_rate', 'error_burst', 'slow_delivery', 'callbacks_stopped')),
    window_ms      bigint      not null check (window_ms > 0),
    -- failure_rate: the fraction above which it fires.
    threshold      double precision check (threshold > 0 and threshold < 1),
    -- The minimum volume (failure_rate, slow_delivery), count (error_burst) or accepted messages (callbacks_stopped).
    minimum        integer     not null check (minimum >= 1),
    -- error_burst: the Twilio error code.
    error_code     integer,
    -- slow_delivery: the p90 above which it fires.
    p90_threshold_ms bigint check (p90_threshold_ms > 0),
    -- The path may be a secret (a Slack incoming webhook): never logged, only scheme and host are shown.
    webhook_url    text        not null,
    format         text        not null check (format in ('slack', 'json')),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    -- Deleted rules stay, so their incidents keep a rule to point at.
    deleted_at     timestamptz,
    constraint alert_rules_parameters check (
        (kind = 'failure_rate' and threshold is not null)
        or (kind = 'error_burst' and error_code is not null)
        or (kind = 'slow_delivery' and p90_threshold_ms is not null)
        or kind = 'callbacks_stopped')
);

create index alert_rules_org_idx on alert_rules (org_id, rule_id) where deleted_at is null;

create table alert_incidents (
    incident_id      bigint generated always as identity primary key,
    rule_id          bigint      not null references alert_rules (rule_id),
    org_id           bigint      not null references organizations (org_id),
    rule_kind        text        not null,
    state            text        not null check (state in ('firing', 'resolved')),
    started_at       timestamptz not null,
    message          text        not null,
    -- What became of the alert: pending, sent (with the HTTP status) or failed (with the reason).
    alert_notice     text        not null default 'pending' check (alert_notice in ('pending', 'sent', 'failed')),
    alert_detail     text,
    resolved_at      timestamptz,
    resolved_message text,
    recovery_notice  text check (recovery_notice in ('pending', 'sent', 'failed')),
    recovery_detail  text,
    constraint alert_incidents_resolved check ((state = 'firing') = (resolved_at is null))
);

-- At most one open incident per rule, whichever instance evaluates.
create unique index alert_incidents_open_idx on alert_incidents (rule_id) where state = 'firing';
-- The cooldown reads a rule's latest incident.
create index alert_incidents_rule_idx on alert_incidents (rule_id, incident_id desc);
-- The history API and dashboard page through an organization's incidents newest first.
create index alert_incidents_org_idx on alert_incidents (org_id, started_at desc, incident_id desc);
