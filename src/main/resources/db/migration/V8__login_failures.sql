-- Failed sign-ins, for throttling password guessing across every instance and across restarts.
-- Kept for a day at most (LoginThrottle deletes older rows); not audited (see AuditTriggerCallback).

create table login_failure (
    id          bigint generated always as identity primary key,
    account_key text        not null,
    address     text        not null,
    occurred_at timestamptz not null
);

create index login_failure_account_idx on login_failure (account_key, occurred_at);
create index login_failure_address_idx on login_failure (address, occurred_at);
create index login_failure_occurred_at_idx on login_failure (occurred_at);
