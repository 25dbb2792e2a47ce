-- The exchange of practices between States (para 114): a State's account of what it did with the
-- assistance it received, moderated by the administrators before it is published, then commented on,
-- asked about and adopted by other States, and sent in a weekly digest to those who subscribe.

create table practice (
    id               uuid primary key,
    state_iso3       char(3)     not null references state (iso3),
    title            text        not null check (length(title) between 1 and 300),
    what_done        text        not null,
    context          text,
    forms            text[]      not null default '{}',
    results          text,
    evidence_file_id uuid references stored_file (id),
    challenges       text,
    contact          text,
    themes           text[]      not null default '{}',
    status           text        not null default 'DRAFT'
                                 check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED')),
    return_comment   text,
    published_at     timestamptz,
    created_by       uuid        not null references account (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    search           tsvector generated always as (to_tsvector('simple',
                         title || ' ' || what_done || ' ' || coalesce(context, '') || ' '
                         || coalesce(results, '') || ' ' || coalesce(challenges, ''))) stored
);

create index practice_search_idx on practice using gin (search);
create index practice_state_idx on practice (state_iso3);

create table practice_project (
    practice_id uuid not null references practice (id) on delete cascade,
    project_id  uuid not null references project (id),
    primary key (practice_id, project_id)
);

create table practice_recommendation (
    practice_id       uuid not null references practice (id) on delete cascade,
    recommendation_id uuid not null references recommendation (id),
    primary key (practice_id, recommendation_id)
);

create table practice_comment (
    id          uuid primary key,
    practice_id uuid        not null references practice (id),
    state_iso3  char(3)     not null references state (iso3),
    author_id   uuid        not null references account (id),
    kind        text        not null check (kind in ('COMMENT', 'QUESTION', 'ANSWER')),
    answers_id  uuid references practice_comment (id),
    text        text        not null check (length(text) between 1 and 5000),
    created_at  timestamptz not null
);

create table practice_adoption (
    practice_id uuid        not null references practice (id),
    state_iso3  char(3)     not null references state (iso3),
    adopted_by  uuid        not null references account (id),
    adopted_at  timestamptz not null,
    primary key (practice_id, state_iso3)
);

create table practice_subscription (
    account_id    uuid primary key references account (id),
    subscribed_at timestamptz not null
);

create table practice_digest_sent (
    account_id  uuid        not null references account (id),
    practice_id uuid        not null references practice (id),
    sent_at     timestamptz not null,
    primary key (account_id, practice_id)
);
