-- The resource library of the capacity-building portal: manuals, guides and training modules, per
-- treaty or theme and audience, each with files in several languages and versions. The text of
-- each file (PDF, DOCX) is extracted when it is uploaded and searched with the titles; the public
-- catalogue shows published resources with the latest version of each language.

create table library_resource (
    id          uuid primary key,
    title       text        not null check (length(title) between 1 and 300),
    kind        text        not null check (kind in ('MANUAL', 'GUIDE', 'TRAINING_MODULE',
                                                     'FACILITATOR_GUIDE', 'E_LEARNING', 'OTHER')),
    summary     text,
    treaty_code text references instrument (code),
    theme_code  text references theme (code),
    audience    text        not null check (audience in ('STATE_OFFICIALS', 'TRAINERS', 'NHRI',
                                                         'CIVIL_SOCIETY', 'EVERYONE')),
    published   boolean     not null default false,
    created_by  uuid        not null references account (id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

create index library_resource_search_idx on library_resource
    using gin (to_tsvector('simple', title || ' ' || coalesce(summary, '')));

create table library_file (
    id          uuid primary key,
    resource_id uuid        not null references library_resource (id),
    language    text        not null check (language ~ '^[a-z]{2}$'),
    version_no  int         not null check (version_no >= 1),
    file_id     uuid        not null references stored_file (id),
    pages       int check (pages >= 0),
    text        text        not null,
    search      tsvector generated always as (to_tsvector('simple', text)) stored,
    note        text,
    uploaded_by uuid        not null references account (id),
    uploaded_at timestamptz not null,
    unique (resource_id, language, version_no)
);

create index library_file_search_idx on library_file using gin (search);
