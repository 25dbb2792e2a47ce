-- Multilingual content (issue 8): a record written in one language may carry versions of its texts
-- in others. Each record keeps the language it was written in; content_version holds one row per
-- record and language with the translated fields, searched like the original.

alter table practice
    add column original_language text not null default 'en' check (original_language ~ '^[a-z]{2,3}$');
alter table library_resource
    add column original_language text not null default 'en' check (original_language ~ '^[a-z]{2,3}$');
alter table implementation_action
    add column original_language text not null default 'en' check (original_language ~ '^[a-z]{2,3}$');
alter table progress_update
    add column original_language text not null default 'en' check (original_language ~ '^[a-z]{2,3}$');

create table content_version (
    subject    text        not null check (subject in ('practice', 'library_resource',
                                                       'implementation_action', 'progress_update')),
    subject_id uuid        not null,
    language   text        not null check (language ~ '^[a-z]{2,3}$'),
    fields     jsonb       not null check (jsonb_typeof(fields) = 'object'),
    search     tsvector generated always as (jsonb_to_tsvector('simple', fields, '["string"]')) stored,
    updated_by uuid        not null references account (id),
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    primary key (subject, subject_id, language)
);

create index content_version_search_idx on content_version using gin (search);
