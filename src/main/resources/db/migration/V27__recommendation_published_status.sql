-- The public implementation status of each recommendation a State has published something of
-- (issue 9). The recommendations dashboard rolled every public assignment's status up from its
-- actions and their latest published updates at each request: about 250 ms at a million
-- recommendations (25,000 assignments, 50,000 actions, 100,000 updates), whatever the scope, since
-- the roll-up came before the filter on the State. Here each recommendation's status is kept, with
-- its State and year, so that a scope counts its own rows.
--
-- The status is the one the public pages read: an assignment of a recommendation, or of an
-- accepted cluster holding it, is public once one of its progress updates is published; its status
-- rolls up (as ImplementationStatus.rollUp does) from those of its actions, each the status of its
-- latest published update, not started without one. A recommendation assigned both on its own and
-- in a cluster takes its own assignment's status.
--
-- Statement triggers on every table the status is read from (progress_update, implementation_action,
-- assignment, recommendation) work out the recommendations a write touches and compute their rows
-- again, in the transaction of the write. Derived data, not audited
-- (AuditTriggerCallback.NOT_AUDITED).

create table recommendation_published_status (
    recommendation_id uuid primary key references recommendation (id) on delete cascade,
    state_iso3        char(3) not null,
    year              integer not null,
    status            text    not null
);

create index recommendation_published_status_scope
    on recommendation_published_status (state_iso3, year) include (status);

-- Computes again the rows of the given recommendations. The recommendations are locked first, in
-- id order: a second transaction that changes the status of one of them waits for the first to
-- commit, then computes from what it committed (each statement of a function reads the latest
-- committed rows under read committed), so no change is counted from a stale view.
--
-- Many recommendations at once (a bulk load, the backfill) are computed with hash joins only: in
-- the transaction that loads the tables, PostgreSQL has no statistics of the new rows yet and
-- would join 25,000 assignments with 100,000 updates by nested loops over full scans (the data
-- generator's COPY of progress updates ran for minutes). The statements are planned at each call
-- (execute), so that the setting, local to the call, shapes their plan.
create function refresh_published_status(affected uuid[]) returns void
    language plpgsql as
$$
declare
    bulk boolean;
    nested_loops text;
begin
    if affected is null or cardinality(affected) = 0 then
        return;
    end if;
    bulk := cardinality(affected) > 1000;
    nested_loops := current_setting('enable_nestloop');
    if bulk then
        perform set_config('enable_nestloop', 'off', true);
    end if;
    execute
        'select 1 from recommendation r where r.id in (select unnest($1)) order by r.id'
        ' for no key update'
        using affected;
    execute
        'delete from recommendation_published_status s'
        ' where s.recommendation_id in (select unnest($1))'
        using affected;
    execute $sql$
    insert into recommendation_published_status (recommendation_id, state_iso3, year, status)
    with covering as (
        select a.id as assignment_id, r.id as recommendation_id, 0 as rank
        from recommendation r
        join assignment a on a.recommendation_id = r.id
        where r.id in (select unnest($1))
        union all
        select a.id, r.id, 1
        from recommendation r
        join assignment a on a.cluster_id = r.cluster_id
        where r.id in (select unnest($1))
    ), public_assignment as (
        select distinct c.assignment_id as id
        from covering c
        where exists (select 1 from progress_update u
                      where u.assignment_id = c.assignment_id and u.review = 'PUBLISHED')
    ), latest_published as (
        select distinct on (u.action_id) u.action_id, u.status
        from progress_update u
        where u.review = 'PUBLISHED'
          and u.action_id in (select a.id from implementation_action a
                              where a.assignment_id in (select id from public_assignment))
        order by u.action_id, u.published_at desc, u.created_at desc
    ), action_status as (
        select a.assignment_id, coalesce(l.status, 'NOT_STARTED') as status
        from implementation_action a
        left join latest_published l on l.action_id = a.id
        where a.assignment_id in (select id from public_assignment)
    ), assignment_status as (
        select p.id, case
            when count(s.status) = 0 then 'NOT_STARTED'
            when count(*) filter (where s.status <> 'NOT_IMPLEMENTABLE') = 0
                then 'NOT_IMPLEMENTABLE'
            when count(*) filter (where s.status = 'FULLY_IMPLEMENTED')
                = count(*) filter (where s.status <> 'NOT_IMPLEMENTABLE')
                then 'FULLY_IMPLEMENTED'
            when count(*) filter (where s.status in ('FULLY_IMPLEMENTED',
                                                     'PARTIALLY_IMPLEMENTED')) > 0
                then 'PARTIALLY_IMPLEMENTED'
            when count(*) filter (where s.status = 'IN_PROGRESS') > 0 then 'IN_PROGRESS'
            else 'NOT_STARTED' end as status
        from public_assignment p
        left join action_status s on s.assignment_id = p.id
        group by p.id
    )
    select distinct on (c.recommendation_id) c.recommendation_id, r.state_iso3, r.year, st.status
    from covering c
    join assignment_status st on st.id = c.assignment_id
    join recommendation r on r.id = c.recommendation_id
    order by c.recommendation_id, c.rank
    $sql$ using affected;
    if bulk then
        perform set_config('enable_nestloop', nested_loops, true);
    end if;
end;
$$;

-- The recommendations an assignment covers: its own, or every member of its cluster.
create function published_status_covered(assignments uuid[]) returns uuid[]
    language sql stable as
$$
select array(
    select a.recommendation_id
    from assignment a
    where a.id in (select unnest(assignments)) and a.recommendation_id is not null
    union
    select r.id
    from assignment a
    join recommendation r on r.cluster_id = a.cluster_id
    where a.id in (select unnest(assignments)) and a.cluster_id is not null)
$$;

-- An update counts only once published, or when it was: a draft, submitted or approved update
-- changes nothing the public reads.
create function progress_update_published_status() returns trigger
    language plpgsql as
$$
declare
    changed uuid[];
begin
    if tg_op = 'INSERT' then
        changed := array(select distinct assignment_id from new_rows where review = 'PUBLISHED');
    elsif tg_op = 'UPDATE' then
        changed := array(
            select n.assignment_id
            from new_rows n
            join old_rows o on o.id = n.id
            where (n.review = 'PUBLISHED' or o.review = 'PUBLISHED')
              and (n.review, n.status, n.action_id, n.assignment_id, n.published_at, n.created_at)
                  is distinct from
                  (o.review, o.status, o.action_id, o.assignment_id, o.published_at, o.created_at)
            union
            select o.assignment_id
            from new_rows n
            join old_rows o on o.id = n.id
            where o.review = 'PUBLISHED' and o.assignment_id <> n.assignment_id);
    else
        changed := array(select distinct assignment_id from old_rows where review = 'PUBLISHED');
    end if;
    perform refresh_published_status(published_status_covered(changed));
    return null;
end;
$$;

create trigger progress_update_published_inserted after insert on progress_update
    referencing new table as new_rows
    for each statement execute function progress_update_published_status();
create trigger progress_update_published_updated after update on progress_update
    referencing old table as old_rows new table as new_rows
    for each statement execute function progress_update_published_status();
create trigger progress_update_published_deleted after delete on progress_update
    referencing old table as old_rows
    for each statement execute function progress_update_published_status();

-- An action without a published update counts as not started once its assignment is public, so
-- adding, removing or moving one changes the roll-up.
create function implementation_action_published_status() returns trigger
    language plpgsql as
$$
declare
    changed uuid[];
begin
    if tg_op = 'INSERT' then
        changed := array(select distinct assignment_id from new_rows);
    elsif tg_op = 'UPDATE' then
        changed := array(
            select n.assignment_id
            from new_rows n
            join old_rows o on o.id = n.id
            where o.assignment_id <> n.assignment_id
            union
            select o.assignment_id
            from new_rows n
            join old_rows o on o.id = n.id
            where o.assignment_id <> n.assignment_id);
    else
        changed := array(select distinct assignment_id from old_rows);
    end if;
    perform refresh_published_status(published_status_covered(changed));
    return null;
end;
$$;

create trigger implementation_action_published_inserted after insert on implementation_action
    referencing new table as new_rows
    for each statement execute function implementation_action_published_status();
create trigger implementation_action_published_updated after update on implementation_action
    referencing old table as old_rows new table as new_rows
    for each statement execute function implementation_action_published_status();
create trigger implementation_action_published_deleted after delete on implementation_action
    referencing old table as old_rows
    for each statement execute function implementation_action_published_status();

-- A new assignment has no update yet, so only a changed subject or a removed assignment counts.
-- A removed one's updates go first (their delete cascades); its recommendations, read from the old
-- row since the assignment is gone, are computed again once it is.
create function assignment_published_status() returns trigger
    language plpgsql as
$$
declare
    changed uuid[];
begin
    if tg_op = 'UPDATE' then
        changed := array(
            select x.id
            from new_rows n
            join old_rows o on o.id = n.id
            cross join lateral (
                select o.recommendation_id
                union all select n.recommendation_id
                union all select r.id from recommendation r where r.cluster_id = o.cluster_id
                union all select r.id from recommendation r where r.cluster_id = n.cluster_id
            ) x(id)
            where (o.recommendation_id, o.cluster_id) is distinct from
                  (n.recommendation_id, n.cluster_id)
              and x.id is not null);
    else
        changed := array(
            select x.id
            from old_rows o
            cross join lateral (
                select o.recommendation_id
                union all select r.id from recommendation r where r.cluster_id = o.cluster_id
            ) x(id)
            where x.id is not null);
    end if;
    perform refresh_published_status(changed);
    return null;
end;
$$;

create trigger assignment_published_updated after update on assignment
    referencing old table as old_rows new table as new_rows
    for each statement execute function assignment_published_status();
create trigger assignment_published_deleted after delete on assignment
    referencing old table as old_rows
    for each statement execute function assignment_published_status();

-- A recommendation that joins or leaves a cluster takes or loses the cluster's status; one that
-- moves to another State or year is counted there. A deleted one's row goes with it (the foreign
-- key cascades).
create function recommendation_published_status_moved() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_published_status(
            array(select id from new_rows where cluster_id is not null));
    else
        perform refresh_published_status(array(
            select n.id
            from new_rows n
            join old_rows o on o.id = n.id
            where (n.cluster_id, n.state_iso3, n.year)
                  is distinct from (o.cluster_id, o.state_iso3, o.year)));
    end if;
    return null;
end;
$$;

create trigger recommendation_published_inserted after insert on recommendation
    referencing new table as new_rows
    for each statement execute function recommendation_published_status_moved();
create trigger recommendation_published_updated after update on recommendation
    referencing old table as old_rows new table as new_rows
    for each statement execute function recommendation_published_status_moved();

-- The statuses already published.
select refresh_published_status(published_status_covered(
    array(select distinct assignment_id from progress_update where review = 'PUBLISHED')));
