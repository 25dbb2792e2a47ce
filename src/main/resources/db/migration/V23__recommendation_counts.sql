-- Counts of the registry kept beside it, so that the recommendations dashboard sums a few thousand
-- rows instead of reading a million (issue 9). They are derived data, written only by the triggers
-- below in the transaction of the write that changes them (Hibernate, the importer, SQL, COPY: a
-- statement trigger sees every path), and never audited: the audit trail already holds the rows
-- they are counted from (AuditTriggerCallback.NOT_AUDITED names them).
--
-- recommendation_count: how many recommendations per State under review, year, mechanism, UPR cycle
-- and response (the grain of every filter and table of the dashboard; "how many States" counts the
-- States that have a cell above zero).
-- recommendation_tag_count: how many recommendations per State, year and confirmed tag: a theme or
-- affected group by its code, an SDG goal by its number (a recommendation tagged 16 and 16.3 counts
-- once for goal 16); recommendation_tag_year_count: the same per year alone.
-- recommendation_sdg_goal: for each recommendation and SDG goal, how many of its confirmed tags
-- name the goal or one of its targets; the goal's count above changes when this goes from 0 to 1 or
-- back, and the row lock of its upsert keeps two transactions that tag one recommendation with 16
-- and 16.3 at the same time from both counting it.
--
-- Cells are upserted (insert ... on conflict do update) in the order of their key, so that two
-- transactions that change the same cells wait for each other instead of deadlocking; a cell that
-- falls to zero stays, and the readers skip it.

create table recommendation_count (
    state_iso3     char(3) not null,
    year           int     not null,
    mechanism_code text    not null,
    upr_cycle      int,
    response       text    not null,
    n              bigint  not null,
    constraint recommendation_count_cell
        unique nulls not distinct (state_iso3, year, mechanism_code, upr_cycle, response)
);

create table recommendation_tag_count (
    kind       text    not null,
    tag        text    not null,
    state_iso3 char(3) not null,
    year       int     not null,
    n          bigint  not null,
    -- the State before the year and the tag: a region, a group or a State reads its States' cells
    constraint recommendation_tag_count_cell primary key (kind, state_iso3, year, tag)
);

-- The same by year alone, for the world and a period (a few thousand cells, not hundreds of
-- thousands); kept from recommendation_tag_count by the triggers on it below.
create table recommendation_tag_year_count (
    kind text   not null,
    tag  text   not null,
    year int    not null,
    n    bigint not null,
    constraint recommendation_tag_year_count_cell primary key (kind, year, tag)
);

create table recommendation_sdg_goal (
    recommendation_id uuid not null,
    goal              text not null,
    tags              int  not null,
    constraint recommendation_sdg_goal_key primary key (recommendation_id, goal)
);

-- recommendation: INSERT, UPDATE and DELETE each have their own trigger (a trigger with transition
-- tables has one event); this function serves the three.
create function recommendation_counted() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into recommendation_count as c (state_iso3, year, mechanism_code, upr_cycle, response, n)
        select state_iso3, year, mechanism_code, upr_cycle, response, count(*)
        from new_rows
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5
        on conflict on constraint recommendation_count_cell do update set n = c.n + excluded.n;
        -- a new recommendation has no tags yet (their foreign key needs it first)
        return null;
    end if;

    if tg_op = 'DELETE' then
        insert into recommendation_count as c (state_iso3, year, mechanism_code, upr_cycle, response, n)
        select state_iso3, year, mechanism_code, upr_cycle, response, -count(*)
        from old_rows
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5
        on conflict on constraint recommendation_count_cell do update set n = c.n + excluded.n;
        -- their tags were removed, and counted off, by recommendation_tags_removed before
        delete from recommendation_sdg_goal where recommendation_id in (select id from old_rows);
        return null;
    end if;

    -- UPDATE: the old rows counted off, the new ones on; most updates change no cell, and then
    -- the two cancel out and nothing is written
    insert into recommendation_count as c (state_iso3, year, mechanism_code, upr_cycle, response, n)
    select state_iso3, year, mechanism_code, upr_cycle, response, sum(d)
    from (select state_iso3, year, mechanism_code, upr_cycle, response, -1 as d from old_rows
          union all
          select state_iso3, year, mechanism_code, upr_cycle, response, 1 from new_rows) changed
    group by 1, 2, 3, 4, 5
    having sum(d) <> 0
    order by 1, 2, 3, 4, 5
    on conflict on constraint recommendation_count_cell do update set n = c.n + excluded.n;

    -- a recommendation moved to another State or year takes the counts of its tags with it
    if exists (select 1 from old_rows o join new_rows n using (id)
               where (o.state_iso3, o.year) is distinct from (n.state_iso3, n.year)) then
        -- first wait for the transactions that are changing tags (they counted them under the
        -- State and year they saw), then read the tags as committed: moving is rare
        lock table recommendation_tag in share mode;
        insert into recommendation_tag_count as c (kind, tag, state_iso3, year, n)
        select k.kind, k.tag, x.state_iso3, x.year, sum(x.d)
        from (select o.id, o.state_iso3, o.year, -1 as d
              from old_rows o join new_rows n using (id)
              where (o.state_iso3, o.year) is distinct from (n.state_iso3, n.year)
              union all
              select n.id, n.state_iso3, n.year, 1
              from old_rows o join new_rows n using (id)
              where (o.state_iso3, o.year) is distinct from (n.state_iso3, n.year)) x
                 join (select t.recommendation_id, t.kind, t.code as tag
                       from recommendation_tag t
                       where t.status = 'CONFIRMED' and t.kind <> 'SDG'
                       union all
                       select g.recommendation_id, 'SDG', g.goal
                       from recommendation_sdg_goal g
                       where g.tags > 0) k on k.recommendation_id = x.id
        group by 1, 2, 3, 4
        having sum(x.d) <> 0
        order by 1, 2, 3, 4
        on conflict (kind, tag, state_iso3, year) do update set n = c.n + excluded.n;
    end if;
    return null;
end;
$$;

-- Before a recommendation is deleted, its tags are, so that recommendation_tag_counted still finds
-- the State and year they were counted under (a cascade would remove them after the row is gone).
create function recommendation_tags_removed() returns trigger
    language plpgsql as
$$
begin
    delete from recommendation_tag where recommendation_id = old.id;
    return old;
end;
$$;

-- recommendation_tag: the same function for its INSERT, UPDATE and DELETE triggers. A theme or an
-- affected group is one row per recommendation and code, so each confirmed row counts one; an SDG
-- goal counts once per recommendation however many of its targets are tagged. The rows counted are
-- (recommendation_id, kind, code, d), d = 1 for a confirmed row the statement wrote and -1 for a
-- confirmed row it removed or the old version of one it changed. (EXECUTE sees the transition
-- tables as the function's own statements do.)
create function recommendation_tag_counted() returns trigger
    language plpgsql as
$$
declare
    written text := 'select recommendation_id, kind, code, 1 as d from new_rows'
        || ' where status = ''CONFIRMED''';
    removed text := 'select recommendation_id, kind, code, -1 as d from old_rows'
        || ' where status = ''CONFIRMED''';
begin
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
        ), deltas as (
            select recommendation_id, kind, code as tag, d from changed where kind <> 'SDG'
            union all
            -- a goal counts when it goes from no tag to some, and stops when it goes back to none
            select s.recommendation_id, 'SDG', s.goal,
                   (case when g.tags > 0 then 1 else 0 end)
                       - (case when g.tags - s.d > 0 then 1 else 0 end)
            from sdg s join goals g using (recommendation_id, goal)
        )
        insert into recommendation_tag_count as c (kind, tag, state_iso3, year, n)
        select d.kind, d.tag, r.state_iso3, r.year, sum(d.d)
        from deltas d join recommendation r on r.id = d.recommendation_id
        group by 1, 2, 3, 4
        having sum(d.d) <> 0
        order by 1, 2, 3, 4
        on conflict (kind, tag, state_iso3, year) do update set n = c.n + excluded.n
        $q$,
        case tg_op when 'INSERT' then written
                   when 'DELETE' then removed
                   else written || ' union all ' || removed end);
    return null;
end;
$$;

create trigger recommendation_inserted after insert on recommendation
    referencing new table as new_rows
    for each statement execute function recommendation_counted();
create trigger recommendation_updated after update on recommendation
    referencing old table as old_rows new table as new_rows
    for each statement execute function recommendation_counted();
create trigger recommendation_deleted after delete on recommendation
    referencing old table as old_rows
    for each statement execute function recommendation_counted();
create trigger recommendation_tags_removed before delete on recommendation
    for each row execute function recommendation_tags_removed();

create trigger recommendation_tag_inserted after insert on recommendation_tag
    referencing new table as new_rows
    for each statement execute function recommendation_tag_counted();
create trigger recommendation_tag_updated after update on recommendation_tag
    referencing old table as old_rows new table as new_rows
    for each statement execute function recommendation_tag_counted();
create trigger recommendation_tag_deleted after delete on recommendation_tag
    referencing old table as old_rows
    for each statement execute function recommendation_tag_counted();

-- recommendation_tag_year_count follows recommendation_tag_count: the upserts above insert new
-- cells and update the others (an upsert fires both statement triggers), and none is deleted.
create function recommendation_tag_year_counted() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into recommendation_tag_year_count as c (kind, tag, year, n)
        select kind, tag, year, sum(n)
        from new_rows
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, tag, year) do update set n = c.n + excluded.n;
    elsif tg_op = 'UPDATE' then
        insert into recommendation_tag_year_count as c (kind, tag, year, n)
        select kind, tag, year, sum(n)
        from (select kind, tag, year, n from new_rows
              union all
              select kind, tag, year, -n from old_rows) changed
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, tag, year) do update set n = c.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into recommendation_tag_year_count as c (kind, tag, year, n)
        select kind, tag, year, -sum(n)
        from old_rows
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, tag, year) do update set n = c.n + excluded.n;
    else
        truncate recommendation_tag_year_count;
    end if;
    return null;
end;
$$;

create trigger recommendation_tag_count_inserted after insert on recommendation_tag_count
    referencing new table as new_rows
    for each statement execute function recommendation_tag_year_counted();
create trigger recommendation_tag_count_updated after update on recommendation_tag_count
    referencing old table as old_rows new table as new_rows
    for each statement execute function recommendation_tag_year_counted();
create trigger recommendation_tag_count_deleted after delete on recommendation_tag_count
    referencing old table as old_rows
    for each statement execute function recommendation_tag_year_counted();
create trigger recommendation_tag_count_truncated after truncate on recommendation_tag_count
    for each statement execute function recommendation_tag_year_counted();

-- TRUNCATE writes no transition table: the counts go with the rows.
create function recommendation_counts_truncated() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'recommendation' then
        truncate recommendation_count;
    end if;
    truncate recommendation_tag_count, recommendation_sdg_goal;
    return null;
end;
$$;
create trigger recommendation_truncated after truncate on recommendation
    for each statement execute function recommendation_counts_truncated();
create trigger recommendation_tag_truncated after truncate on recommendation_tag
    for each statement execute function recommendation_counts_truncated();

-- The counts of the rows already there.
-- (recommendation_tag_year_count is filled by the triggers of recommendation_tag_count.)
insert into recommendation_count (state_iso3, year, mechanism_code, upr_cycle, response, n)
select state_iso3, year, mechanism_code, upr_cycle, response, count(*)
from recommendation
group by 1, 2, 3, 4, 5;

insert into recommendation_sdg_goal (recommendation_id, goal, tags)
select recommendation_id, split_part(code, '.', 1), count(*)
from recommendation_tag
where kind = 'SDG' and status = 'CONFIRMED'
group by 1, 2;

insert into recommendation_tag_count (kind, tag, state_iso3, year, n)
select k.kind, k.tag, r.state_iso3, r.year, count(*)
from (select recommendation_id, kind, code as tag
      from recommendation_tag
      where status = 'CONFIRMED' and kind <> 'SDG'
      union all
      select recommendation_id, 'SDG', goal
      from recommendation_sdg_goal) k
         join recommendation r on r.id = k.recommendation_id
group by 1, 2, 3, 4;
