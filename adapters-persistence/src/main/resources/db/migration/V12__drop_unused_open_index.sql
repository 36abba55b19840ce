-- messages_open_idx (V1) was the reconciler's first index; since V3 the reconciler reads
-- messages_stale_idx, and no query filters on its columns and predicate any more. messages is the
-- write-hot table: every insert and every status change below a final status added an entry to it.
drop index if exists messages_open_idx;
