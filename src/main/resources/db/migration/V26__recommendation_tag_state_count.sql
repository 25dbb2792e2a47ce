-- The registry's tag counts per State alone, without the year (issue 9). A region, a group or a
-- State with no period summed its States' cells of recommendation_tag_count over every year: about
-- 50,000 cells for Africa at 100,000 recommendations (64-69 ms for the dashboard, against 22 ms for
-- the world, which reads recommendation_tag_year_count), and more as the registry fills the years.
-- Per State and tag there are at most 195 States × about 160 tags (themes, affected groups, SDG
-- goals), whatever the registry's size: 30,885 cells at 100,000, 8,648 of them for Africa.
--
-- Like recommendation_tag_year_count (V23), it is kept from recommendation_tag_count by statement
-- triggers on that table, in the transaction of the write: every path that changes the fine count
-- (tags written or removed, COPY, a recommendation moved to another State or year, deleted,
-- truncated) changes this one with it, and nothing else writes it. Cells are upserted in key
-- order, so that two transactions that change the same cells wait instead of deadlocking; a cell
-- that falls to zero stays, and the readers skip it. Derived data, not audited
-- (AuditTriggerCallback.NOT_AUDITED).

create table recommendation_tag_state_count (
    kind       text    not null,
    state_iso3 char(3) not null,
    tag        text    not null,
    n          bigint  not null,
    -- the State before the tag, as in recommendation_tag_count: a scope reads its States' cells
    constraint recommendation_tag_state_count_cell primary key (kind, state_iso3, tag)
);

-- recommendation_tag_count's upserts insert new cells and update the others (an upsert fires both
-- statement triggers); its cells are deleted only by the truncates of V23.
create function recommendation_tag_state_counted() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into recommendation_tag_state_count as c (kind, state_iso3, tag, n)
        select kind, state_iso3, tag, sum(n)
        from new_rows
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, state_iso3, tag) do update set n = c.n + excluded.n;
    elsif tg_op = 'UPDATE' then
        insert into recommendation_tag_state_count as c (kind, state_iso3, tag, n)
        select kind, state_iso3, tag, sum(n)
        from (select kind, state_iso3, tag, n from new_rows
              union all
              select kind, state_iso3, tag, -n from old_rows) changed
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, state_iso3, tag) do update set n = c.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into recommendation_tag_state_count as c (kind, state_iso3, tag, n)
        select kind, state_iso3, tag, -sum(n)
        from old_rows
        group by 1, 2, 3
        having sum(n) <> 0
        order by 1, 2, 3
        on conflict (kind, state_iso3, tag) do update set n = c.n + excluded.n;
    else
        truncate recommendation_tag_state_count;
    end if;
    return null;
end;
$$;

create trigger recommendation_tag_count_state_inserted after insert on recommendation_tag_count
    referencing new table as new_rows
    for each statement execute function recommendation_tag_state_counted();
create trigger recommendation_tag_count_state_updated after update on recommendation_tag_count
    referencing old table as old_rows new table as new_rows
    for each statement execute function recommendation_tag_state_counted();
create trigger recommendation_tag_count_state_deleted after delete on recommendation_tag_count
    referencing old table as old_rows
    for each statement execute function recommendation_tag_state_counted();
create trigger recommendation_tag_count_state_truncated after truncate on recommendation_tag_count
    for each statement execute function recommendation_tag_state_counted();

-- The counts of the cells already there.
insert into recommendation_tag_state_count (kind, state_iso3, tag, n)
select kind, state_iso3, tag, sum(n)
from recommendation_tag_count
group by 1, 2, 3
having sum(n) <> 0;
