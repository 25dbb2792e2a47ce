-- The national mechanism's workspace, second part: who carries out a recommendation or an accepted
-- cluster (assignment), the measures taken (actions), the indicators with their reporting schedule
-- and milestones, the progress updates with their evidence and review, the reminders sent, and the
-- input of civil society and the national human rights institution.

-- A recommendation or an accepted cluster, given to a lead institution (and supporting ones). When
-- the cluster is dissolved or merged away, the assignment stays, flagged, with the cluster's label.
create table assignment (
    id                  uuid primary key,
    state_iso3          char(3)     not null references state (iso3),
    recommendation_id   uuid references recommendation (id) on delete cascade,
    cluster_id          uuid references recommendation_cluster (id) on delete set null,
    subject_label       text        not null,
    lead_institution_id uuid        not null references institution (id),
    target_date         date,
    priority            text        not null check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    flag                text check (flag in ('CLUSTER_DISSOLVED', 'CLUSTER_MERGED')),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint assignment_one_subject check (recommendation_id is null or cluster_id is null),
    constraint assignment_subject_or_flag check (recommendation_id is not null or cluster_id is not null
        or flag is not null)
);

create unique index assignment_recommendation_idx on assignment (recommendation_id)
    where recommendation_id is not null;
create unique index assignment_cluster_idx on assignment (cluster_id) where cluster_id is not null;
create index assignment_state_idx on assignment (state_iso3);

create table assignment_supporting (
    assignment_id  uuid not null references assignment (id) on delete cascade,
    institution_id uuid not null references institution (id),
    primary key (assignment_id, institution_id)
);

-- A measure: what will be done, by which institution, by when, at what estimated cost. Its status
-- is that of its latest approved progress update.
create table implementation_action (
    id                   uuid primary key,
    assignment_id        uuid          not null references assignment (id) on delete cascade,
    title                text          not null check (length(title) between 1 and 300),
    description          text,
    institution_id       uuid          not null references institution (id),
    start_date           date,
    due_date             date          not null,
    estimated_cost       numeric(16, 2) check (estimated_cost >= 0),
    currency             char(3),
    assistance_reference text check (length(assistance_reference) <= 200),
    status               text          not null default 'NOT_STARTED'
        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED',
                          'NOT_IMPLEMENTABLE')),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint action_dates_in_order check (start_date is null or start_date <= due_date),
    constraint action_cost_has_currency check (estimated_cost is null or currency is not null)
);

create index implementation_action_assignment_idx on implementation_action (assignment_id);

-- An indicator: quantitative (unit, baseline, target, direction) or qualitative (milestones), with
-- a reporting schedule: a value is due every schedule_months from schedule_start.
create table indicator (
    id              uuid primary key,
    assignment_id   uuid        not null references assignment (id) on delete cascade,
    kind            text        not null check (kind in ('QUANTITATIVE', 'QUALITATIVE')),
    name            text        not null check (length(name) between 1 and 300),
    unit            text check (length(unit) <= 60),
    direction       text check (direction in ('INCREASE', 'DECREASE')),
    baseline_value  numeric(20, 4),
    baseline_date   date,
    target_value    numeric(20, 4),
    target_date     date,
    schedule_months int         not null check (schedule_months between 1 and 60),
    schedule_start  date        not null,
    schedule_end    date        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint indicator_quantitative check (kind = 'QUALITATIVE'
        or (unit is not null and direction is not null and baseline_value is not null
            and baseline_date is not null and target_value is not null and target_date is not null)),
    constraint indicator_target_after_baseline check (target_date is null or baseline_date is null
        or target_date > baseline_date),
    constraint indicator_schedule_in_order check (schedule_end >= schedule_start)
);

create index indicator_assignment_idx on indicator (assignment_id);

create table indicator_milestone (
    id           uuid primary key,
    indicator_id uuid not null references indicator (id) on delete cascade,
    position     int  not null,
    title        text not null check (length(title) between 1 and 300),
    due_date     date not null,
    achieved_on  date,
    unique (indicator_id, position)
);

-- A progress update on an action or an indicator, drafted by a focal point and reviewed by the
-- State's coordinator: DRAFT -> SUBMITTED -> APPROVED -> PUBLISHED, or SUBMITTED -> RETURNED ->
-- SUBMITTED again.
create table progress_update (
    id             uuid primary key,
    state_iso3     char(3)     not null references state (iso3),
    assignment_id  uuid        not null references assignment (id) on delete cascade,
    action_id      uuid references implementation_action (id) on delete cascade,
    indicator_id   uuid references indicator (id) on delete cascade,
    period_end     date,
    milestone_id   uuid references indicator_milestone (id) on delete set null,
    status         text        not null
        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED',
                          'NOT_IMPLEMENTABLE')),
    narrative      text        not null check (length(btrim(narrative)) > 0),
    measured_value numeric(20, 4),
    review         text        not null check (review in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED',
                                                          'PUBLISHED')),
    review_comment text,
    author_id      uuid        not null references account (id),
    reviewer_id    uuid references account (id),
    submitted_at   timestamptz,
    reviewed_at    timestamptz,
    published_at   timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0,
    constraint progress_update_one_subject check (num_nonnulls(action_id, indicator_id) = 1)
);

create index progress_update_assignment_idx on progress_update (assignment_id);
create index progress_update_state_review_idx on progress_update (state_iso3, review);

create table progress_evidence (
    update_id uuid not null references progress_update (id) on delete cascade,
    file_id   uuid not null references stored_file (id),
    primary key (update_id, file_id)
);

-- Reminders already sent, so that each is sent once: an item (an action, an indicator's period, an
-- assignment's target) coming due or overdue, to one account; and each coordinator's daily digest.
create table reminder_sent (
    item_key   text        not null,
    due_date   date        not null,
    kind       text        not null check (kind in ('DUE_SOON', 'OVERDUE')),
    account_id uuid        not null references account (id),
    sent_at    timestamptz not null,
    primary key (item_key, due_date, kind, account_id)
);

create table digest_sent (
    account_id uuid        not null references account (id),
    day        date        not null,
    sent_at    timestamptz not null,
    primary key (account_id, day)
);

-- What civil society organisations and the national human rights institution say about a
-- published recommendation: an alternative view, with evidence. The State's coordinator answers
-- and accepts it (shown publicly beside the State's account) or declines it.
create table civil_society_input (
    id                uuid primary key,
    state_iso3        char(3)     not null references state (iso3),
    assignment_id     uuid        not null references assignment (id) on delete cascade,
    author_id         uuid        not null references account (id),
    organisation_code text        not null references organisation (code),
    assessment        text check (assessment in ('NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED',
                                                 'FULLY_IMPLEMENTED', 'NOT_IMPLEMENTABLE')),
    statement         text        not null check (length(btrim(statement)) > 0),
    file_id           uuid references stored_file (id),
    status            text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'DECLINED')),
    answer            text,
    answered_by       uuid references account (id),
    answered_at       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);

create index civil_society_input_assignment_idx on civil_society_input (assignment_id);
