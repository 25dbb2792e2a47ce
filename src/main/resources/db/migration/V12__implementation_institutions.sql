-- The national mechanism's workspace, first part: the institutions of a State (ministries,
-- agencies, parliament, judiciary, the national human rights institution) and their focal points,
-- who are accounts holding a role for that State (checked by the application).

create table institution (
    id         uuid primary key,
    state_iso3 char(3)     not null references state (iso3),
    name       text        not null check (length(name) between 1 and 300),
    acronym    text check (length(acronym) <= 30),
    kind       text        not null check (kind in ('MINISTRY', 'AGENCY', 'PARLIAMENT', 'JUDICIARY',
                                                    'NHRI', 'OTHER')),
    active     boolean     not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

create unique index institution_name_idx on institution (state_iso3, lower(name));

create table institution_focal_point (
    institution_id uuid not null references institution (id) on delete cascade,
    account_id     uuid not null references account (id),
    primary key (institution_id, account_id)
);

create index institution_focal_point_account_idx on institution_focal_point (account_id);
