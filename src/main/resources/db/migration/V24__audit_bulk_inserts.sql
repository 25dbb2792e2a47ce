-- Bulk inserts reach the trail as one entry per statement. A writer that inserts many rows at once
-- (the import of recommendations, which writes with COPY) sets coopera.audit_inserts to
-- 'statement' for its transaction; audit_inserted() then writes ONE entry for all the rows of the
-- statement instead of one per row: the same actor, time and transaction, table_name, operation
-- INSERT, record_id '<n> rows', record_ids the primary keys of the rows (as record_id would give
-- each), and changes an object mapping each of those keys to the inserted row (its columns and
-- values). An import of 25,000 recommendations wrote about 170,000 trail rows before (one JSON
-- document each, and three indexes to update); it now writes a few dozen.
--
-- Reading is unchanged: the view audit_record shows every entry as before and each row of a bulk
-- entry as an entry of its own (record_id its key, changes {"column": {"new": value}}), so the
-- history of one record, the trail page and its export read the same whatever wrote the row.
-- Tables with secret columns (*_hash, *_secret) are always audited row by row (redaction).

alter table audit_entry add column record_ids text[];

-- The history of one record finds its bulk entries through this index.
create index audit_entry_record_ids_idx on audit_entry using gin (record_ids)
    where record_ids is not null;

-- The changes of an inserted row as audit_row() and the per-row audit_inserted() write them.
create function audit_insert_changes(row_data jsonb) returns jsonb
    language sql immutable as
$$
select coalesce(jsonb_object_agg(key, jsonb_build_object('new', value)), '{}'::jsonb)
from jsonb_each(row_data)
$$;

create or replace function audit_inserted() returns trigger
    language plpgsql as
$$
declare
    record_key text;
begin
    if current_setting('coopera.audit_inserts', true) = 'statement'
        and not exists (select 1
                        from pg_attribute a
                        where a.attrelid = tg_relid
                          and a.attnum > 0
                          and not a.attisdropped
                          and (a.attname like '%\_hash' or a.attname like '%\_secret')) then
        -- The key of a row as the per-row entries give it (row_data ->> column, joined with '/'),
        -- written out for this table's key columns so that it costs no subquery per row.
        select string_agg(format('(to_jsonb(i.%I) #>> ''{}'')', p.pk), ' || ''/'' || '
                          order by p.ord)
        into record_key
        from unnest(tg_argv) with ordinality as p(pk, ord);
        execute format('insert into audit_entry (actor, actor_id, table_name, record_id,'
                           || ' operation, changes, record_ids)'
                           || ' select $1, $2, $3, count(*) || '' rows'', ''INSERT'','
                           || ' jsonb_object_agg(k.record_id, k.row_data), array_agg(k.record_id)'
                           || ' from (select coalesce(%s, '''') as record_id,'
                           || ' to_jsonb(i) as row_data from inserted i) as k'
                           || ' having count(*) > 0',
                       coalesce(record_key, 'null'))
            using coalesce(nullif(current_setting('coopera.actor', true), ''), 'system'),
                nullif(current_setting('coopera.actor_id', true), '')::uuid,
                tg_table_name;
        return null;
    end if;
    insert into audit_entry (actor, actor_id, table_name, record_id, operation, changes)
    select coalesce(nullif(current_setting('coopera.actor', true), ''), 'system'),
           nullif(current_setting('coopera.actor_id', true), '')::uuid,
           tg_table_name,
           coalesce((select string_agg(r.row_data ->> k.pk, '/' order by k.ord)
                     from unnest(tg_argv) with ordinality as k(pk, ord)), ''),
           'INSERT',
           (select coalesce(jsonb_object_agg(c.key, jsonb_build_object('new',
                       case when (c.key like '%\_hash' or c.key like '%\_secret')
                                 and c.value <> 'null'::jsonb
                                then to_jsonb('[redacted]'::text)
                            else c.value end)), '{}'::jsonb)
            from jsonb_each(r.row_data) as c)
    from (select to_jsonb(i) as row_data from inserted i) as r;
    return null;
end;
$$;

-- A bulk entry holds megabytes of JSON; lz4 compresses it several times faster than PostgreSQL's
-- default (pglz), where the server was built with it.
do
$$
    begin
        alter table audit_entry alter column changes set compression lz4;
    exception
        when feature_not_supported or invalid_parameter_value then
            raise notice 'lz4 not available: audit_entry.changes keeps the default compression';
    end
$$;

-- Every audited change, one row per record: the entries written row by row as they are, and the
-- rows of each bulk entry each on its own line. entry_record_id and record_ids are the entry's own
-- columns, for finding a record's bulk entries through the index.
create view audit_record as
select e.id,
       e.occurred_at,
       e.transaction_id,
       e.actor,
       e.actor_id,
       e.table_name,
       coalesce(r.key, e.record_id)                                            as record_id,
       e.operation,
       case when r.key is null then e.changes else audit_insert_changes(r.value) end as changes,
       e.record_id                                                             as entry_record_id,
       e.record_ids
from audit_entry e
         left join lateral jsonb_each(case when e.record_ids is not null then e.changes end)
    as r(key, value) on true;
