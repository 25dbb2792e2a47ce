-- Secrets are compared before they are redacted, so that a changed password or token hash shows
-- in the trail as a change ("[redacted]" -> "[redacted]") instead of vanishing from it.

create or replace function audit_row() returns trigger
    language plpgsql as
$$
declare
    old_row   jsonb;
    new_row   jsonb;
    changes   jsonb := '{}'::jsonb;
    col       text;
    record_id text;
    who       text := nullif(current_setting('coopera.actor', true), '');
    who_id    text := nullif(current_setting('coopera.actor_id', true), '');
begin
    if tg_op in ('UPDATE', 'DELETE') then
        old_row := to_jsonb(old);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        new_row := to_jsonb(new);
    end if;

    select string_agg(coalesce(new_row, old_row) ->> pk, '/' order by ordinality)
    into record_id
    from unnest(tg_argv) with ordinality as pk;

    if tg_op = 'UPDATE' then
        for col in select jsonb_object_keys(new_row)
            loop
                if new_row -> col is distinct from old_row -> col then
                    changes := changes || jsonb_build_object(col,
                        jsonb_build_object('old', old_row -> col, 'new', new_row -> col));
                end if;
            end loop;
        if changes = '{}'::jsonb then
            return null;
        end if;
    elsif tg_op = 'INSERT' then
        select coalesce(jsonb_object_agg(key, jsonb_build_object('new', value)), '{}'::jsonb)
        into changes from jsonb_each(new_row);
    else
        select coalesce(jsonb_object_agg(key, jsonb_build_object('old', value)), '{}'::jsonb)
        into changes from jsonb_each(old_row);
    end if;

    -- Redact the values of secret columns, keeping the fact that they changed.
    select coalesce(jsonb_object_agg(key,
                                     case when key like '%\_hash' or key like '%\_secret'
                                              then (select coalesce(jsonb_object_agg(side, case
                                                        when v = 'null'::jsonb then v
                                                        else to_jsonb('[redacted]'::text) end),
                                                                    '{}'::jsonb)
                                                    from jsonb_each(value) as s(side, v))
                                          else value end), '{}'::jsonb)
    into changes
    from jsonb_each(changes);

    insert into audit_entry (actor, actor_id, table_name, record_id, operation, changes)
    values (coalesce(who, 'system'), who_id::uuid, tg_table_name, coalesce(record_id, ''), tg_op, changes);
    return null;
end;
$$;

drop function audit_redact(jsonb);
