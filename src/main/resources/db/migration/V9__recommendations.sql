-- The recommendations registry: recommendations and observations of the UN human rights
-- mechanisms, their language versions, recommending States and tags, clusters of near-duplicates,
-- the imports that brought them and the State names that imports map to States.

-- Names files give to States, normalised (see StateNames), and the State each means. SHIPPED ones
-- come from classpath:recommendations/state_aliases.csv; MAPPED ones were chosen by a person
-- during an import and are remembered for the next one.
create table state_alias (
    alias      text primary key,
    iso3       char(3)     not null references state (iso3),
    written_as text        not null,
    origin     text        not null check (origin in ('SHIPPED', 'MAPPED')),
    created_by uuid,
    created_at timestamptz not null
);
create index state_alias_iso3_idx on state_alias (iso3);

create table recommendation_import (
    id            uuid primary key,
    format        text check (format in ('UPR_INFO', 'OHCHR_MATRIX', 'COOPERA')),
    file_name     text        not null,
    file_size     bigint      not null,
    file_sha256   text        not null,
    status        text        not null check (status in ('VALID', 'INVALID', 'APPLIED')),
    rows_read     int         not null,
    to_create     int         not null,
    duplicates    int         not null,
    merged        int         not null default 0,
    created_count int,
    problems      jsonb       not null default '[]',
    notes         jsonb       not null default '[]',
    unknown_names jsonb       not null default '{}',
    scope_iso3    char(3) references state (iso3),
    created_by    uuid        not null,
    created_at    timestamptz not null,
    applied_by    uuid,
    applied_at    timestamptz,
    version       bigint      not null default 0
);
create index recommendation_import_created_idx on recommendation_import (created_at desc);

-- The uploaded file itself, kept so that an import is applied from exactly what was validated and
-- so that nothing a person uploaded is lost.
create table recommendation_import_file (
    import_id uuid primary key references recommendation_import (id) on delete cascade,
    content   bytea not null
);

create table recommendation_cluster (
    id                uuid primary key,
    state_iso3        char(3)     not null references state (iso3),
    label             text,
    status            text        not null check (status in ('PROPOSED', 'ACCEPTED')),
    cohesion          real,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index recommendation_cluster_state_idx on recommendation_cluster (state_iso3);

create table recommendation (
    id                uuid primary key,
    code              text        not null unique,
    content_key       text        not null unique,
    mechanism_code    text        not null references mechanism (code),
    upr_session       int references upr_session (session),
    upr_cycle         int references upr_cycle (cycle),
    document_symbol   text,
    paragraph         text,
    issued_on         date,
    year              int         not null,
    state_iso3        char(3)     not null references state (iso3),
    region_code       text        not null references region (code),
    original_language text        not null,
    response          text        not null check (response in ('SUPPORTED', 'SUPPORTED_IN_PART',
                                                               'NOTED', 'PENDING')),
    response_comment  text,
    response_source   text,
    action_category   int check (action_category between 1 and 5),
    cluster_id        uuid references recommendation_cluster (id) on delete set null,
    import_id         uuid references recommendation_import (id),
    demo              boolean     not null default false,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    constraint recommendation_upr_has_session check (mechanism_code <> 'UPR' or upr_session is not null)
);
create index recommendation_state_idx on recommendation (state_iso3, year);
create index recommendation_cluster_idx on recommendation (cluster_id);
create index recommendation_import_idx on recommendation (import_id);

create table recommendation_text (
    recommendation_id uuid not null references recommendation (id) on delete cascade,
    language          text not null,
    text              text not null check (length(btrim(text)) > 0),
    primary key (recommendation_id, language)
);

create table recommendation_recommending_state (
    recommendation_id uuid    not null references recommendation (id) on delete cascade,
    iso3              char(3) not null references state (iso3),
    primary key (recommendation_id, iso3)
);
create index recommendation_recommending_state_iso3_idx on recommendation_recommending_state (iso3);

-- Themes (UHRI), SDG goals or targets and affected groups. origin says who set the tag: a person,
-- an import (the source's own tagging) or the machine (a suggestion). A machine suggestion stays
-- SUGGESTED until a person confirms or rejects it; only CONFIRMED tags are searched and counted.
create table recommendation_tag (
    recommendation_id uuid not null references recommendation (id) on delete cascade,
    kind              text not null check (kind in ('THEME', 'SDG', 'AFFECTED_GROUP')),
    code              text not null,
    origin            text not null check (origin in ('PERSON', 'IMPORT', 'MACHINE')),
    status            text not null check (status in ('CONFIRMED', 'SUGGESTED', 'REJECTED')),
    confidence        real,
    decided_by        uuid,
    decided_at        timestamptz,
    primary key (recommendation_id, kind, code)
);
create index recommendation_tag_suggested_idx on recommendation_tag (status) where status = 'SUGGESTED';
