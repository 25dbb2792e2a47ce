-- Two-factor sign-in (TOTP, RFC 6238). A row exists once the person has confirmed their
-- authenticator with a first code. The secret must be readable to check codes, so it is stored as
-- is; the audit trail redacts it (column name ends in _secret). last_used_step is the last time
-- step whose code was accepted: a code is never accepted twice.
-- Recovery codes are single-use and stored as SHA-256 hashes (they are long random strings).
-- Both tables are audited, so enrolment, use and reset show in the trail.

create table two_factor (
    account_id     uuid primary key references account (id) on delete cascade,
    totp_secret    text        not null,
    confirmed_at   timestamptz not null,
    last_used_step bigint      not null default 0
);

create table recovery_code (
    id         uuid primary key,
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  text        not null,
    used_at    timestamptz
);
create index recovery_code_account_idx on recovery_code (account_id);
