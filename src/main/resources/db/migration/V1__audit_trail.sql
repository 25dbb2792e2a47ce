-- The audit trail: one append-only row per change to any audited row.
-- Every table gets the trigger audit_row() after each migration (see AuditTriggerCallback), so a
-- module that adds a table is audited without remembering to ask for it.

create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default clock_timestamp(),
    transaction_id bigint      not null default txid_current(),
    actor          text        not null,
    actor_id       uuid,
    table_name     text        not null,
    record_id      text        not null,
    operation      text        not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
    changes        jsonb       not null
);

create index audit_entry_occurred_at_idx on audit_entry (occurred_at desc, id desc);
create index audit_entry_record_idx on audit_entry (table_name, record_id);
create index audit_entry_actor_idx on audit_entry (actor);

-- Values of columns whose name ends in _hash or _secret never reach the trail.
create function audit_redact(row_data jsonb) returns jsonb
    language sql immutable as
$$
select coalesce(jsonb_object_agg(key,
                                 case when key like '%\_hash' or key like '%\_secret'
                                          then to_jsonb('[redacted]'::text)
                                      else value end), '{}'::jsonb)
from jsonb_each(row_data)
$$;

-- Trigger arguments: the names of the primary key columns of the table.
create function audit_row() returns trigger
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
        old_row := audit_redact(to_jsonb(old));
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        new_row := audit_redact(to_jsonb(new));
    end if;

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

    select string_agg(coalesce(new_row, old_row) ->> pk, '/' order by ordinality)
    into record_id
    from unnest(tg_argv) with ordinality as pk;

    insert into audit_entry (actor, actor_id, table_name, record_id, operation, changes)
    values (coalesce(who, 'system'), who_id::uuid, tg_table_name, coalesce(record_id, ''), tg_op, changes);
    return null;
end;
$$;

-- The trail is append-only: no role may change or remove what it recorded.
create function audit_entry_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit trail is append-only: % on audit_entry is refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update
    before update or delete on audit_entry
    for each row execute function audit_entry_immutable();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_immutable();

-- The event publication registry of Spring Modulith (schema of spring-modulith-events-jdbc 2.0).
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
