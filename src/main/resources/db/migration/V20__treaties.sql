-- The treaty system: who is bound by which instrument since when, the reports States owe the
-- treaty bodies, and the individual communications the bodies receive and decide.
--
-- Ratifications come from imports of public sources. Each import keeps every claim it made
-- (ratification_claim), including that a State is NOT a party, for the States and events it covers.
-- The record in force (ratification) is reconciled from the claims: a source never silently
-- overrides another; where they disagree the record keeps its value and a discrepancy is listed
-- until an administrator decides. Year-only dates are kept as 31 December of the year with
-- precision YEAR, so that counts at the end of each year are exact.

create table ratification_import (
    id           uuid primary key,
    source       text        not null check (length(source) between 1 and 200),
    format       text        not null check (format in ('STATUS_CSV', 'OHCHR_XLS', 'OHCHR_CSV')),
    file_name    text        not null,
    as_of        date        not null,
    rows_read    int         not null,
    claims       int         not null,
    imported_by  uuid references account (id),
    imported_at  timestamptz not null
);

create table ratification_claim (
    import_id       uuid    not null references ratification_import (id),
    state_iso3      char(3) not null references state (iso3),
    instrument_code text    not null references instrument (code),
    event           text    not null check (event in ('SIGNATURE', 'CONSENT', 'COMMUNICATIONS', 'INQUIRY')),
    present         boolean not null,
    on_date         date,
    date_precision  text    not null check (date_precision in ('DAY', 'YEAR', 'NONE')),
    primary key (import_id, state_iso3, instrument_code, event),
    constraint ratification_claim_date check ((on_date is null) = (date_precision = 'NONE'))
);

create table ratification (
    state_iso3      char(3)     not null references state (iso3),
    instrument_code text        not null references instrument (code),
    event           text        not null check (event in ('SIGNATURE', 'CONSENT', 'COMMUNICATIONS', 'INQUIRY')),
    consent_kind    text check (consent_kind in ('RATIFICATION', 'ACCESSION', 'SUCCESSION')),
    on_date         date,
    date_precision  text        not null check (date_precision in ('DAY', 'YEAR', 'NONE')),
    import_id       uuid references ratification_import (id),
    entered_by      uuid references account (id),
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    primary key (state_iso3, instrument_code, event),
    constraint ratification_date check ((on_date is null) = (date_precision = 'NONE'))
);
create index ratification_consent_idx on ratification (instrument_code, on_date) where event = 'CONSENT';

create table ratification_discrepancy (
    id              uuid primary key,
    import_id       uuid        not null references ratification_import (id),
    state_iso3      char(3) references state (iso3),
    instrument_code text references instrument (code),
    event           text,
    kind            text        not null check (kind in ('CONTRADICTING_FLAGS', 'MISSING_DATE',
                                                         'SOURCES_DISAGREE', 'UNKNOWN_STATE',
                                                         'WRONG_CODE')),
    source_value    text,
    recorded_value  text,
    detail          text        not null,
    status          text        not null default 'OPEN'
                                check (status in ('OPEN', 'NOTED', 'KEPT_RECORD', 'TOOK_SOURCE')),
    decided_by      uuid references account (id),
    decided_at      timestamptz,
    version         bigint      not null default 0
);
create index ratification_discrepancy_open_idx on ratification_discrepancy (status) where status = 'OPEN';

-- Reporting: each instrument's rule (initial report within so many years of entry into force for
-- the State, then periodic), and the reports of each State party as recorded.
create table reporting_rule (
    instrument_code text primary key references instrument (code),
    initial_years   int  not null check (initial_years between 1 and 10),
    periodic_years  int check (periodic_years between 1 and 10),
    article         text not null,
    note            text
);

create table state_report (
    id              uuid primary key,
    state_iso3      char(3)     not null references state (iso3),
    instrument_code text        not null references reporting_rule (instrument_code),
    sequence        int         not null check (sequence between 1 and 40),
    due_on          date        not null,
    submitted_on    date,
    symbol          text,
    reviewed_on     date,
    review_session  text,
    observations_symbol text,
    next_due_on     date,
    scheduled       boolean     not null default false,
    demo            boolean     not null default false,
    created_by      uuid references account (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (state_iso3, instrument_code, sequence),
    constraint state_report_review_after_submission check (reviewed_on is null or (submitted_on is not null and reviewed_on >= submitted_on)),
    constraint state_report_observations check (observations_symbol is null or reviewed_on is not null)
);
create index state_report_instrument_idx on state_report (instrument_code, due_on);

-- Individual communications under the treaty bodies' procedures.
create table communication (
    id                 uuid primary key,
    treaty_body_code   text        not null references mechanism (code),
    state_iso3         char(3)     not null references state (iso3),
    reference          text        not null check (length(reference) between 1 and 100),
    registered_on      date        not null,
    decided_on         date,
    outcome            text check (outcome in ('VIOLATION', 'NO_VIOLATION', 'INADMISSIBLE', 'DISCONTINUED')),
    demo               boolean     not null default false,
    created_by         uuid references account (id),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0,
    unique (treaty_body_code, reference),
    constraint communication_decision check ((decided_on is null) = (outcome is null)),
    constraint communication_dates check (decided_on is null or decided_on >= registered_on)
);
create index communication_registered_idx on communication (registered_on);
create index communication_decided_idx on communication (decided_on) where decided_on is not null;

-- The throughput the administrators aim at (para 97: 23 decisions a week), one row.
create table communication_target (
    id                 int primary key check (id = 1),
    decisions_per_week numeric(6, 1) not null check (decisions_per_week > 0),
    set_by             uuid references account (id),
    set_at             timestamptz   not null,
    version            bigint        not null default 0
);
insert into communication_target (id, decisions_per_week, set_at) values (1, 23, now());

-- The reporting rules of the treaties (the article that sets them). A null periodicity: the
-- committee asks when (ICCPR: its predictable review cycle), or later reports go into those of the
-- parent treaty (the two first protocols to the CRC).
insert into reporting_rule (instrument_code, initial_years, periodic_years, article, note) values
    ('icerd', 1, 2, 'art. 9', 'Then every two years, and whenever the Committee so requests'),
    ('iccpr', 1, 8, 'art. 40', 'Then whenever the Committee requests (its predictable review cycle: eight years)'),
    ('icescr', 2, 5, 'arts. 16-17', 'Then every five years'),
    ('cedaw', 1, 4, 'art. 18', 'Then at least every four years'),
    ('cat', 1, 4, 'art. 19', 'Then every four years'),
    ('crc', 2, 5, 'art. 44', 'Then every five years'),
    ('icmw', 1, 5, 'art. 73', 'Then every five years'),
    ('cped', 2, null, 'art. 29', 'Then additional information when the Committee requests'),
    ('crpd', 2, 4, 'art. 35', 'Then at least every four years'),
    ('op_crc_ac', 2, null, 'art. 8', 'Then in the reports under the Convention on the Rights of the Child'),
    ('op_crc_sc', 2, null, 'art. 12', 'Then in the reports under the Convention on the Rights of the Child');
