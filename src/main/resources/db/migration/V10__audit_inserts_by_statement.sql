-- Inserted rows reach the trail one statement at a time instead of one row at a time: a statement
-- trigger reads the statement's new rows (its transition table) and writes all their entries with
-- one INSERT. The entries are the same as audit_row() wrote for an INSERT (every column as "new",
-- secrets redacted unless null, the primary key as record_id); an import of 25,000
-- recommendations writes about 170,000 of them, and one PL/pgSQL call with its own INSERT per row
-- made that the slowest part of the import. Updates and deletes stay with audit_row(), which
-- compares old and new row by row.

create function audit_inserted() returns trigger
    language plpgsql as
$$
begin
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

-- Tables audited before this migration (their audit_row trigger still fires on INSERT): audit_row()
-- keeps updates and deletes, audit_insert takes inserts. (On a new database no table has the
-- trigger yet here: AuditTriggerCallback attaches both after the last migration.)
do
$$
    declare
        audited record;
        keys    text;
    begin
        for audited in
            select c.oid, c.relname
            from pg_trigger t
                     join pg_class c on c.oid = t.tgrelid
                     join pg_namespace n on n.oid = c.relnamespace
            where t.tgname = 'audit_row'
              and t.tgtype & 4 <> 0 -- TRIGGER_TYPE_INSERT
              and n.nspname = current_schema()
            loop
                select string_agg(quote_literal(a.attname), ', ' order by k.ord)
                into keys
                from pg_index i
                         cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                         join pg_attribute a on a.attrelid = audited.oid and a.attnum = k.attnum
                where i.indrelid = audited.oid
                  and i.indisprimary;
                execute format('drop trigger audit_row on %I', audited.relname);
                execute format('create trigger audit_row after update or delete on %I'
                                   || ' for each row execute function audit_row(%s)',
                               audited.relname, keys);
                execute format('create trigger audit_insert after insert on %I'
                                   || ' referencing new table as inserted'
                                   || ' for each statement execute function audit_inserted(%s)',
                               audited.relname, keys);
            end loop;
    end
$$;
