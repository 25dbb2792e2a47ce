-- An import's tags counted once, after its last COPY (issue 9). Applying 25,000 rows wrote its tags
-- in 10 COPY statements, and recommendation_tag_counted() (V25) ran after each: every statement
-- upserted about 8,000 cells of recommendation_tag_count, and the year and State counts after them,
-- mostly the same cells again; 4.6 of the 10.7 s the import took on an idle machine.
--
-- A writer that only creates recommendations may now defer the counting of their tags for the rest
-- of its transaction (coopera.tag_counts = deferred, a transaction-local setting), then count the
-- tags of all it created in one go: recommendation_tags_counted(ids), which also ends the
-- deferral. The recommendations are new, so no other transaction can see them, tag them or count
-- them meanwhile; the cells are upserted in key order, once each, at the end of the transaction.
-- Only inserts are deferred: updates and deletes of tags are counted as before.
--
-- What is counted, and how, is V25's: the body of its trigger is now a function of the changed
-- rows given as arrays, shared by the trigger and by the deferred count.

create function recommendation_tag_deltas_counted(changed_ids uuid[], changed_kinds text[],
                                                  changed_codes text[], changed_deltas int[])
    returns void
    language plpgsql as
$$
declare
    nested_loops text := current_setting('enable_nestloop');
    goal_ids uuid[];
    goal_codes text[];
    goal_deltas int[];
begin
    if coalesce(cardinality(changed_ids), 0) = 0 then
        return;
    end if;

    -- confirmed SDG tags per recommendation and goal (the upsert returns the new number); a goal
    -- counts when it goes from no tag to some, and stops when it goes back to none. The two sets
    -- are joined by hashing: nested loops off for this statement alone.
    perform set_config('enable_nestloop', 'off', true);
    with changed as (
        select * from unnest(changed_ids, changed_kinds, changed_codes, changed_deltas)
            as c(recommendation_id, kind, code, d)
    ), sdg as (
        select recommendation_id, split_part(code, '.', 1) as goal, sum(d) as d
        from changed
        where kind = 'SDG'
        group by 1, 2
        having sum(d) <> 0
    ), goals as (
        insert into recommendation_sdg_goal as g (recommendation_id, goal, tags)
        select recommendation_id, goal, d from sdg
        order by 1, 2
        on conflict (recommendation_id, goal) do update set tags = g.tags + excluded.tags
        returning g.recommendation_id, g.goal, g.tags
    ), moved as (
        select s.recommendation_id, s.goal,
               (case when g.tags > 0 then 1 else 0 end)
                   - (case when g.tags - s.d > 0 then 1 else 0 end) as d
        from sdg s join goals g using (recommendation_id, goal)
    )
    select array_agg(recommendation_id), array_agg(goal), array_agg(d)
    into goal_ids, goal_codes, goal_deltas
    from moved
    where d <> 0;
    perform set_config('enable_nestloop', nested_loops, true);

    -- the tags and those goals under the State and year of their recommendation, found through its
    -- primary key (a nested loop over the index: hashing would read the whole registry)
    with deltas as (
        select recommendation_id, kind, code as tag, d
        from unnest(changed_ids, changed_kinds, changed_codes, changed_deltas)
            as c(recommendation_id, kind, code, d)
        where kind <> 'SDG'
        union all
        select recommendation_id, 'SDG', goal, d
        from unnest(goal_ids, goal_codes, goal_deltas) as m(recommendation_id, goal, d)
    )
    insert into recommendation_tag_count as c (kind, tag, state_iso3, year, n)
    select d.kind, d.tag, r.state_iso3, r.year, sum(d.d)
    from deltas d join recommendation r on r.id = d.recommendation_id
    group by 1, 2, 3, 4
    having sum(d.d) <> 0
    order by 1, 2, 3, 4
    on conflict (kind, tag, state_iso3, year) do update set n = c.n + excluded.n;
end;
$$;

-- The trigger of recommendation_tag's INSERT, UPDATE and DELETE: the confirmed rows the statement
-- wrote count 1, those it removed (or the old version of those it changed) -1. An INSERT while the
-- transaction defers its tag counts counts nothing.
create or replace function recommendation_tag_counted() returns trigger
    language plpgsql as
$$
declare
    written text := 'select recommendation_id, kind, code, 1 as d from new_rows'
        || ' where status = ''CONFIRMED''';
    removed text := 'select recommendation_id, kind, code, -1 as d from old_rows'
        || ' where status = ''CONFIRMED''';
    ids uuid[];
    kinds text[];
    codes text[];
    deltas int[];
begin
    if tg_op = 'INSERT' and current_setting('coopera.tag_counts', true) = 'deferred' then
        return null;
    end if;
    -- (EXECUTE sees the transition tables as the function's own statements do.)
    execute format('select array_agg(recommendation_id), array_agg(kind), array_agg(code),'
                       || ' array_agg(d) from (%s) as changed',
                   case tg_op when 'INSERT' then written
                              when 'DELETE' then removed
                              else written || ' union all ' || removed end)
        into ids, kinds, codes, deltas;
    perform recommendation_tag_deltas_counted(ids, kinds, codes, deltas);
    return null;
end;
$$;

-- Counts the confirmed tags of the recommendations a transaction created while it deferred its
-- tag counts, and ends the deferral.
create function recommendation_tags_counted(created uuid[]) returns void
    language plpgsql as
$$
declare
    ids uuid[];
    kinds text[];
    codes text[];
    deltas int[];
begin
    perform set_config('coopera.tag_counts', '', true);
    select array_agg(t.recommendation_id), array_agg(t.kind), array_agg(t.code), array_agg(1)
    into ids, kinds, codes, deltas
    from recommendation_tag t
    where t.recommendation_id = any (created)
      and t.status = 'CONFIRMED';
    perform recommendation_tag_deltas_counted(ids, kinds, codes, deltas);
end;
$$;
