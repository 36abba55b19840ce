-- Refused callbacks can be replayed once the configuration is fixed: a replay needs the callback
-- exactly as received, so the quarantine also keeps Twilio's idempotency token and, for operators,
-- the address the request came from. The quarantine is read per account, oldest first.
alter table refused_callbacks add column idempotency_token text;
alter table refused_callbacks add column source_address text;

create index refused_callbacks_account_received_idx on refused_callbacks (account_sid, received_at, refused_id);
-- Rows past tracker.webhook.quarantine-max-age are removed oldest first, whatever account they name.
create index refused_callbacks_received_idx on refused_callbacks (received_at);

-- A new alert kind: callbacks are being refused while none verifies.
alter table alert_rules drop constraint alert_rules_kind_check;
alter table alert_rules add constraint alert_rules_kind_check
    check (kind in ('failure_rate', 'error_burst', 'slow_delivery', 'callbacks_stopped', 'callbacks_refused'));
alter table alert_rules drop constraint alert_rules_parameters;
alter table alert_rules add constraint alert_rules_parameters check (
    (kind = 'failure_rate' and threshold is not null)
    or (kind = 'error_burst' and error_code is not null)
    or (kind = 'slow_delivery' and p90_threshold_ms is not null)
    or kind in ('callbacks_stopped', 'callbacks_refused'));
