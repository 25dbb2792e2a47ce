-- IATI activity files of other publishers (donors, agencies) that fund Coopera projects, imported
-- read-only: the activities that name a Coopera project (related-activity, participating-org
-- activity-id or a transaction's receiver-activity-id) with the commitments and disbursements they
-- report to it, in the currency they report. A later import of the same activity replaces it.

create table iati_import (
    id          uuid primary key,
    file_name   text        not null,
    activities  int         not null check (activities >= 0),
    skipped     int         not null check (skipped >= 0),
    imported_by uuid        not null references account (id),
    imported_at timestamptz not null
);

create table external_activity (
    id              uuid primary key,
    import_id       uuid        not null references iati_import (id),
    iati_identifier text        not null unique,
    publisher_ref   text        not null,
    publisher_name  text,
    title           text        not null,
    status_code     text,
    last_updated    timestamptz
);

create table external_activity_project (
    activity_id uuid not null references external_activity (id) on delete cascade,
    project_id  uuid not null references project (id),
    primary key (activity_id, project_id)
);

create index external_activity_project_idx on external_activity_project (project_id);

create table external_transaction (
    id               uuid primary key,
    activity_id      uuid    not null references external_activity (id) on delete cascade,
    project_id       uuid    not null references project (id),
    type_code        text    not null check (type_code in ('2', '3')),
    transaction_date date    not null,
    amount           numeric not null,
    currency         char(3) not null,
    description      text
);

create index external_transaction_project_idx on external_transaction (project_id);
