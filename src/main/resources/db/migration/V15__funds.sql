-- Voluntary funds and other funding lines: pledges, contributions received (any currency, with the
-- rate used, kept in US dollars), allocations to assistance projects, disbursements and
-- expenditures. Money is neither created nor lost: the funds module refuses an allocation beyond
-- the fund's available balance and a disbursement beyond its allocation (checked under row locks);
-- the checks below are the last line.

create table fund (
    code        text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,30}$'),
    name        text        not null,
    kind        text        not null check (kind in ('UN_VOLUNTARY_FUND', 'BILATERAL', 'OTHER')),
    description text,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    version     bigint      not null default 0
);

create table fund_pledge (
    id                uuid primary key,
    fund_code         text           not null references fund (code),
    donor_state       char(3) references state (iso3),
    donor_organisation text references organisation (code),
    amount            numeric(18, 2) not null check (amount > 0),
    currency          char(3)        not null,
    usd_rate          numeric(18, 8) not null check (usd_rate > 0),
    amount_usd        numeric(18, 2) not null check (amount_usd > 0),
    pledged_on        date           not null,
    for_year          int            not null,
    recorded_by       uuid           not null references account (id),
    created_at        timestamptz    not null,
    version           bigint         not null default 0,
    constraint pledge_one_donor check (num_nonnulls(donor_state, donor_organisation) = 1)
);

create table fund_contribution (
    id                 uuid primary key,
    fund_code          text           not null references fund (code),
    pledge_id          uuid references fund_pledge (id),
    donor_state        char(3) references state (iso3),
    donor_organisation text references organisation (code),
    amount             numeric(18, 2) not null check (amount > 0),
    currency           char(3)        not null,
    usd_rate           numeric(18, 8) not null check (usd_rate > 0),
    amount_usd         numeric(18, 2) not null check (amount_usd > 0),
    received_on        date           not null,
    recorded_by        uuid           not null references account (id),
    created_at         timestamptz    not null,
    version            bigint         not null default 0,
    constraint contribution_one_donor check (num_nonnulls(donor_state, donor_organisation) = 1)
);

create table fund_allocation (
    id          uuid primary key,
    fund_code   text           not null references fund (code),
    project_id  uuid           not null references project (id),
    amount_usd  numeric(18, 2) not null check (amount_usd > 0),
    decided_on  date           not null,
    purpose     text,
    recorded_by uuid           not null references account (id),
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    version     bigint         not null default 0
);

create index fund_allocation_fund_idx on fund_allocation (fund_code);
create index fund_allocation_project_idx on fund_allocation (project_id);

create table fund_disbursement (
    id            uuid primary key,
    allocation_id uuid           not null references fund_allocation (id),
    amount_usd    numeric(18, 2) not null check (amount_usd > 0),
    disbursed_on  date           not null,
    recorded_by   uuid           not null references account (id),
    created_at    timestamptz    not null
);

create table fund_expenditure (
    id            uuid primary key,
    allocation_id uuid           not null references fund_allocation (id),
    amount_usd    numeric(18, 2) not null check (amount_usd > 0),
    spent_on      date           not null,
    description   text           not null,
    recorded_by   uuid           not null references account (id),
    created_at    timestamptz    not null
);
