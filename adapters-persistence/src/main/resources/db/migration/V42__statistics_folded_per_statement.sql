-- Statistics folded per statement, not per row (issue 25). Until now a row trigger wrote two change
-- rows (-1 for the message's old rollup key, +1 for its new one) for every status change, so a group
-- commit of 64 callbacks ran the trigger function 64 times and inserted 128 rows. Statement triggers
-- with transition tables see every row a statement changed at once: each statement now writes one
-- change row per rollup key whose count it moved, with the net change, in one insert. The counts stay
-- exact and are written in the same transaction as the change itself, whoever writes messages.

-- A net change of one statement can exceed a smallint (a retention purge deleting many messages of one
-- hour and status).
alter table message_stats_changes alter column change type integer;

create or replace function message_stats_fold_statement() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
               channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
               count(*), origin
        from new_rows
        group by 1, 2, 3, 4, 5, 6, 7, 9;
    elsif tg_op = 'DELETE' then
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
               channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
               -count(*), origin
        from old_rows
        group by 1, 2, 3, 4, 5, 6, 7, 9;
    else
        -- A message whose key did not move (attempts, the SID, updated_at) adds -1 and +1 to the same key
        -- and leaves nothing behind.
        insert into message_stats_changes (org_id, hour, sender, channel, status, error_code, delivery_bucket, change,
                origin)
        select org_id, hour, sender, channel, status, error_code, delivery_bucket, sum(change), origin
        from (
            select org_id, date_trunc('hour', created_at, 'UTC') as hour,
                   coalesce(from_address, messaging_service_sid, '') as sender, channel, status,
                   coalesce(error_code, 0) as error_code,
                   delivery_time_bucket(delivered_at, sent_at, created_at) as delivery_bucket, origin, -1 as change
            from old_rows
            union all
            select org_id, date_trunc('hour', created_at, 'UTC'), coalesce(from_address, messaging_service_sid, ''),
                   channel, status, coalesce(error_code, 0), delivery_time_bucket(delivered_at, sent_at, created_at),
                   origin, 1
            from new_rows) as moves
        group by org_id, hour, sender, channel, status, error_code, delivery_bucket, origin
        having sum(change) <> 0;
    end if;
    return null;
end
$$;

drop trigger messages_stats_insert_delete on messages;
drop trigger messages_stats_update on messages;

create trigger messages_stats_insert after insert on messages
    referencing new table as new_rows
    for each statement execute function message_stats_fold_statement();
create trigger messages_stats_update after update on messages
    referencing old table as old_rows new table as new_rows
    for each statement execute function message_stats_fold_statement();
create trigger messages_stats_delete after delete on messages
    referencing old table as old_rows
    for each statement execute function message_stats_fold_statement();

drop function message_stats_track();
