-- Operators an administrator disabled (issue 20): they cannot sign in until enabled again.
create table disabled_operators (
    operator_id bigint      primary key references operators (operator_id) on delete cascade,
    disabled_at timestamptz not null
);
