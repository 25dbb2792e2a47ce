-- The two triggers that made a bulk insert slow (issue 9: applying a 25,000-row import spent 8 s in
-- the tag counts and 7 s in the audit trail, against 3.4 s for copying the rows alone).
--
-- 1. recommendation_tag_counted() (V23) in two statements, so that a bulk insert of tags does not
-- cost time quadratic in its SDG tags. V23 joined the SDG goals the statement changed with the
-- rows its upsert returned, two CTEs in one statement: PostgreSQL knows nothing of their sizes,
-- estimates a few rows, and joins them with a nested loop; for the 10,000 tags of one COPY of an
-- import that was 10,000 × 10,000 comparisons, 8 of the 24 seconds of applying 25,000 rows.
--
-- Now the first statement upserts the goals and joins the two sets by hashing (nested loops off for
-- that statement alone, as it joins nothing else) and hands the goals whose count changes on as
-- arrays; the second counts the tags and those goals under the State and year of their
-- recommendation, found through its primary key as before (a nested loop over the index, which
-- must stay allowed there: hashing would read the whole registry for every statement). What is
-- counted, and the row locks that keep two transactions from both counting one goal, are those of
-- V23.

create or replace function recommendation_tag_counted() returns trigger
    language plpgsql as
$$
declare
    written text := 'select recommendation_id, kind, code, 1 as d from new_rows'
        || ' where status = ''CONFIRMED''';
    removed text := 'select recommendation_id, kind, code, -1 as d from old_rows'
        || ' where status = ''CONFIRMED''';
    changed text;
    nested_loops text := current_setting('enable_nestloop');
    goal_ids uuid[];
    goal_codes text[];
    goal_deltas int[];
begin
    changed := case tg_op when 'INSERT' then written
                          when 'DELETE' then removed
                          else written || ' union all ' || removed end;

    perform set_config('enable_nestloop', 'off', true);
    execute format($q$
        with changed as (%s
        ), sdg as (
            select recommendation_id, split_part(code, '.', 1) as goal, sum(d) as d
            from changed
            where kind = 'SDG'
            group by 1, 2
            having sum(d) <> 0
        ), goals as (
            -- confirmed SDG tags per recommendation and goal; the upsert returns the new number
            insert into recommendation_sdg_goal as g (recommendation_id, goal, tags)
            select recommendation_id, goal, d from sdg
            order by 1, 2
            on conflict (recommendation_id, goal) do update set tags = g.tags + excluded.tags
            returning g.recommendation_id, g.goal, g.tags
        ), moved as (
            -- a goal counts when it goes from no tag to some, and stops when it goes back to none
            select s.recommendation_id, s.goal,
                   (case when g.tags > 0 then 1 else 0 end)
                       - (case when g.tags - s.d > 0 then 1 else 0 end) as d
            from sdg s join goals g using (recommendation_id, goal)
        )
        select array_agg(recommendation_id), array_agg(goal), array_agg(d)
        from moved
        where d <> 0
        $q$, changed)
        into goal_ids, goal_codes, goal_deltas;
    perform set_config('enable_nestloop', nested_loops, true);

    execute format($q$
        with changed as (%s
        ), deltas as (
            select recommendation_id, kind, code as tag, d from changed where kind <> 'SDG'
            union all
            select recommendation_id, 'SDG', goal, d
            from unnest($1::uuid[], $2::text[], $3::int[]) as m(recommendation_id, goal, d)
        )
        insert into recommendation_tag_count as c (kind, tag, state_iso3, year, n)
        select d.kind, d.tag, r.state_iso3, r.year, sum(d.d)
        from deltas d join recommendation r on r.id = d.recommendation_id
        group by 1, 2, 3, 4
        having sum(d.d) <> 0
        order by 1, 2, 3, 4
        on conflict (kind, tag, state_iso3, year) do update set n = c.n + excluded.n
        $q$, changed)
        using goal_ids, goal_codes, goal_deltas;
    return null;
end;
$$;

-- 2. A bulk insert's audit entry (V24) keeps its rows as json text (row_to_json, json_object_agg)
-- in a column of its own, inserted_rows, instead of jsonb in changes: building one jsonb object of
-- 10,000 rows sorts and re-encodes them all (jsonb_object_agg took 2.7 s for the 97,000 tags of an
-- import, where to_jsonb of the rows alone took 0.2 s), while json is the rows' text joined. The
-- entry's changes is then {}. Reading is unchanged: the view audit_record parses inserted_rows as
-- jsonb when it shows the entry's rows one by one (the history of one record finds the entry
-- through record_ids, as before), so each row reads exactly as V24 wrote it. Entries written under
-- V24 keep their rows in changes and read as before.

alter table audit_entry add column inserted_rows json;

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
                           || ' operation, changes, inserted_rows, record_ids)'
                           || ' select $1, $2, $3, count(*) || '' rows'', ''INSERT'', ''{}'','
                           || ' json_object_agg(k.record_id, k.row_data), array_agg(k.record_id)'
                           || ' from (select coalesce(%s, '''') as record_id,'
                           || ' row_to_json(i) as row_data from inserted i) as k'
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

create or replace view audit_record as
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
         left join lateral jsonb_each(case
                                          when e.record_ids is not null
                                              then coalesce(e.inserted_rows::jsonb, e.changes)
                                          end)
    as r(key, value) on true;
