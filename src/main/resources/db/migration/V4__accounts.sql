-- Accounts, their roles (each scoped where the role says) and personal API tokens.

create table account (
    id                 uuid primary key,
    email              text        not null,
    display_name       text        not null,
    password_hash      text,
    enabled            boolean     not null default true,
    preferred_language text,
    demo               boolean     not null default false,
    created_at         timestamptz not null,
    version            bigint      not null default 0
);
create unique index account_email_idx on account (lower(email));

create table role_assignment (
    id                uuid primary key,
    account_id        uuid not null references account (id) on delete cascade,
    role              text not null check (role in ('ADMINISTRATOR', 'STATE_COORDINATOR',
                                                    'STATE_FOCAL_POINT', 'AGENCY_OFFICER',
                                                    'FUND_MANAGER', 'DONOR', 'TRAINER',
                                                    'CIVIL_SOCIETY')),
    state_iso3        char(3) references state (iso3),
    organisation_code text references organisation (code),
    constraint role_assignment_scope check (
        (role in ('STATE_COORDINATOR', 'STATE_FOCAL_POINT')
            and state_iso3 is not null and organisation_code is null)
        or (role in ('AGENCY_OFFICER', 'CIVIL_SOCIETY')
            and organisation_code is not null and state_iso3 is null)
        or (role = 'DONOR' and (state_iso3 is null) <> (organisation_code is null))
        or (role in ('ADMINISTRATOR', 'FUND_MANAGER', 'TRAINER')
            and state_iso3 is null and organisation_code is null)),
    constraint role_assignment_unique unique nulls not distinct (account_id, role, state_iso3, organisation_code)
);
create index role_assignment_account_idx on role_assignment (account_id);

create table api_token (
    id           uuid primary key,
    account_id   uuid        not null references account (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id);
