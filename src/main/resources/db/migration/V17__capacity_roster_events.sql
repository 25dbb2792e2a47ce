-- The trainer roster and the training events of the capacity-building portal. A trainer is listed
-- only while their consent stands; their name, e-mail and institution are for themselves,
-- administrators and agency officers. Completing a train-the-trainers event certifies each
-- participant who attended and reached the pass mark onto the roster.

create table trainer (
    id                   uuid primary key,
    account_id           uuid unique references account (id),
    full_name            text        not null check (length(full_name) between 1 and 200),
    email                text,
    state_iso3           char(3)     not null references state (iso3),
    institution          text,
    treaties             text[]      not null default '{}',
    themes               text[]      not null default '{}',
    languages            text[]      not null default '{}',
    availability         text        not null default 'AVAILABLE'
                                     check (availability in ('AVAILABLE', 'LIMITED', 'UNAVAILABLE')),
    consented_at         timestamptz,
    consent_withdrawn_at timestamptz,
    created_by           uuid        not null references account (id),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null default 0
);

create index trainer_state_idx on trainer (state_iso3);

create table training_event (
    id          uuid primary key,
    title       text        not null check (length(title) between 1 and 300),
    kind        text        not null check (kind in ('TRAIN_THE_TRAINERS', 'NATIONAL_COURSE',
                                                     'WORKSHOP', 'E_LEARNING')),
    treaty_code text references instrument (code),
    theme_code  text references theme (code),
    starts_on   date        not null,
    ends_on     date        not null,
    place       text,
    online      boolean     not null default false,
    organisers  text,
    project_id  uuid references project (id),
    pass_mark   int         not null default 70 check (pass_mark between 0 and 100),
    status      text        not null default 'PLANNED' check (status in ('PLANNED', 'COMPLETED')),
    completed_at timestamptz,
    created_by  uuid        not null references account (id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    constraint training_event_dates check (ends_on >= starts_on)
);

create table event_participant (
    id          uuid primary key,
    event_id    uuid    not null references training_event (id),
    full_name   text    not null check (length(full_name) between 1 and 200),
    email       text,
    state_iso3  char(3) not null references state (iso3),
    institution text,
    role        text,
    attended    boolean not null default false,
    pre_score   int check (pre_score between 0 and 100),
    post_score  int check (post_score between 0 and 100),
    trainer_id  uuid references trainer (id)
);

create index event_participant_event_idx on event_participant (event_id);

create table trainer_certification (
    id           uuid primary key,
    trainer_id   uuid not null references trainer (id),
    event_id     uuid not null references training_event (id),
    certified_on date not null,
    unique (trainer_id, event_id)
);
