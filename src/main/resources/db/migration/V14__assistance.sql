-- Technical assistance, owned by the requesting State: requests (the State's priorities and
-- consent), the providers a request addresses, offers published by providers, needs assessments,
-- and the projects that answer an accepted request with their activities, results framework and
-- evaluations. The rules (no project without a submitted request, consent withdrawn suspends the
-- projects, assessment first) are enforced by the assistance module's services and tested there.

create table assistance_request (
    id                      uuid primary key,
    state_iso3              char(3)     not null references state (iso3),
    title                   text        not null check (length(title) between 1 and 300),
    summary                 text,
    areas                   text[]      not null default '{}' check (areas <@ array[
        'LEGISLATION', 'JUSTICE', 'ELECTIONS', 'POLICE', 'MEDIA', 'DETENTION', 'TREATY_REPORTING',
        'NHRI', 'HEALTH', 'EDUCATION', 'OTHER']::text[]),
    forms                   text[]      not null default '{}' check (forms <@ array[
        'EXPERT_ADVICE', 'TRAINING', 'SEMINAR', 'FELLOWSHIP', 'NEEDS_ASSESSMENT', 'LEGAL_DRAFTING',
        'STUDY_VISIT']::text[]),
    languages               text[]      not null default '{}',
    confidential            boolean     not null default false,
    status                  text        not null check (status in ('DRAFT', 'SUBMITTED', 'WITHDRAWN',
                                                                   'CLOSED')),
    created_by              uuid        not null references account (id),
    submitted_by            uuid references account (id),
    submitted_at            timestamptz,
    withdrawn_by            uuid references account (id),
    withdrawn_at            timestamptz,
    withdrawal_reason       text,
    assessment_waived_by    uuid references account (id),
    assessment_waived_at    timestamptz,
    assessment_waiver       text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0,
    constraint request_submitted check (status = 'DRAFT' or submitted_at is not null),
    constraint request_withdrawn check (status <> 'WITHDRAWN'
        or (withdrawn_at is not null and withdrawal_reason is not null))
);

create index assistance_request_state_idx on assistance_request (state_iso3, status);

-- The State's own ranked priorities for the request.
create table assistance_request_priority (
    request_id uuid not null references assistance_request (id) on delete cascade,
    rank       int  not null check (rank between 1 and 20),
    text       text not null check (length(text) between 1 and 500),
    primary key (request_id, rank)
);

create table assistance_request_recommendation (
    request_id        uuid not null references assistance_request (id) on delete cascade,
    recommendation_id uuid not null references recommendation (id),
    primary key (request_id, recommendation_id)
);

create table assistance_request_cluster (
    request_id uuid not null references assistance_request (id) on delete cascade,
    cluster_id uuid not null references recommendation_cluster (id) on delete cascade,
    primary key (request_id, cluster_id)
);

-- The providers a request addresses (an organisation, or a State), and their answer.
create table assistance_request_provider (
    id                uuid primary key,
    request_id        uuid        not null references assistance_request (id) on delete cascade,
    organisation_code text references organisation (code),
    provider_state    char(3) references state (iso3),
    answer            text        not null default 'PENDING'
        check (answer in ('PENDING', 'ACCEPTED', 'DECLINED')),
    answer_note       text,
    answered_by       uuid references account (id),
    answered_at       timestamptz,
    version           bigint      not null default 0,
    constraint provider_one_kind check (num_nonnulls(organisation_code, provider_state) = 1)
);

create unique index assistance_request_provider_org_idx
    on assistance_request_provider (request_id, organisation_code) where organisation_code is not null;
create unique index assistance_request_provider_state_idx
    on assistance_request_provider (request_id, provider_state) where provider_state is not null;

-- What an agency or a State can provide, published for requests to be matched against.
create table assistance_offer (
    id                uuid primary key,
    organisation_code text references organisation (code),
    provider_state    char(3) references state (iso3),
    title             text        not null check (length(title) between 1 and 300),
    description       text,
    areas             text[]      not null default '{}',
    forms             text[]      not null default '{}',
    languages         text[]      not null default '{}',
    regions           text[]      not null default '{}',
    themes            text[]      not null default '{}',
    budget_amount     numeric(18, 2) check (budget_amount >= 0),
    budget_currency   char(3),
    published         boolean     not null default false,
    created_by        uuid        not null references account (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    constraint offer_one_provider check (num_nonnulls(organisation_code, provider_state) = 1),
    constraint offer_budget_currency check (budget_amount is null or budget_currency is not null)
);

-- Findings, gaps and baseline of a request, agreed with the State.
create table needs_assessment (
    id              uuid primary key,
    request_id      uuid        not null references assistance_request (id),
    findings        text        not null check (length(btrim(findings)) > 0),
    gaps            text,
    baseline        text,
    assessed_from   date,
    assessed_to     date,
    agreed_by       uuid references account (id),
    agreed_at       timestamptz,
    recorded_by     uuid        not null references account (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint assessment_dates check (assessed_to is null or assessed_from is null
        or assessed_to >= assessed_from)
);

create table needs_assessment_recommendation (
    assessment_id     uuid not null references needs_assessment (id) on delete cascade,
    recommendation_id uuid not null references recommendation (id),
    primary key (assessment_id, recommendation_id)
);

-- A project answers one request the State submitted and a provider accepted.
create table project (
    id               uuid primary key,
    request_id       uuid        not null references assistance_request (id),
    state_iso3       char(3)     not null references state (iso3),
    iati_identifier  text        not null unique,
    title            text        not null check (length(title) between 1 and 300),
    description      text,
    status           text        not null check (status in ('PLANNED', 'ACTIVE', 'SUSPENDED',
                                                            'COMPLETED', 'CANCELLED')),
    start_date       date        not null,
    end_date         date        not null,
    budget_amount    numeric(18, 2) not null check (budget_amount >= 0),
    budget_currency  char(3)     not null,
    published        boolean     not null default false,
    suspended_reason text,
    created_by       uuid        not null references account (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    constraint project_dates check (end_date >= start_date)
);

create index project_request_idx on project (request_id);
create index project_state_idx on project (state_iso3);

-- Partners with their IATI organisation role: 1 funding, 2 accountable, 3 extending, 4 implementing.
create table project_partner (
    id                uuid primary key,
    project_id        uuid not null references project (id) on delete cascade,
    organisation_code text references organisation (code),
    partner_state     char(3) references state (iso3),
    iati_role         int  not null check (iati_role between 1 and 4),
    constraint partner_one_kind check (num_nonnulls(organisation_code, partner_state) = 1)
);

create unique index project_partner_idx
    on project_partner (project_id, coalesce(organisation_code, partner_state), iati_role);

create table project_recommendation (
    project_id        uuid not null references project (id) on delete cascade,
    recommendation_id uuid not null references recommendation (id),
    primary key (project_id, recommendation_id)
);

create table project_activity (
    id           uuid primary key,
    project_id   uuid        not null references project (id),
    kind         text        not null check (kind in ('TRAINING', 'SEMINAR', 'WORKSHOP',
                                                      'EXPERT_MISSION', 'FELLOWSHIP', 'LEGAL_ADVICE',
                                                      'STUDY_VISIT')),
    title        text        not null check (length(title) between 1 and 300),
    start_date   date        not null,
    end_date     date        not null,
    place        text,
    online       boolean     not null default false,
    participants int check (participants >= 0),
    notes        text,
    created_by   uuid        not null references account (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0,
    constraint activity_dates check (end_date >= start_date)
);

create index project_activity_project_idx on project_activity (project_id);

-- The results framework: outcomes and outputs, their indicators and the values measured.
create table project_result (
    id          uuid primary key,
    project_id  uuid not null references project (id) on delete cascade,
    level       text not null check (level in ('OUTCOME', 'OUTPUT')),
    title       text not null check (length(title) between 1 and 300),
    description text,
    position    int  not null,
    version     bigint not null default 0
);

create table project_indicator (
    id            uuid primary key,
    result_id     uuid           not null references project_result (id) on delete cascade,
    title         text           not null check (length(title) between 1 and 300),
    unit          text           not null,
    ascending     boolean        not null default true,
    baseline      numeric(20, 4) not null,
    baseline_date date           not null,
    target        numeric(20, 4) not null,
    target_date   date           not null,
    version       bigint         not null default 0,
    constraint indicator_target_after_baseline check (target_date > baseline_date)
);

create table project_indicator_value (
    indicator_id uuid           not null references project_indicator (id) on delete cascade,
    period_start date           not null,
    period_end   date           not null,
    actual       numeric(20, 4) not null,
    measured_on  date           not null,
    recorded_by  uuid           not null references account (id),
    primary key (indicator_id, period_end),
    constraint value_period check (period_end >= period_start)
);

-- What changed, the evidence, and the lag between the activities and the measured change.
create table project_evaluation (
    id               uuid primary key,
    project_id       uuid        not null references project (id),
    what_changed     text        not null check (length(btrim(what_changed)) > 0),
    evidence         text,
    file_id          uuid references stored_file (id),
    activities_ended date        not null,
    change_measured  date        not null,
    recorded_by      uuid        not null references account (id),
    created_at       timestamptz not null,
    version          bigint      not null default 0,
    constraint evaluation_order check (change_measured >= activities_ended)
);
