-- A discrepancy keeps the facts (the file and row of a finding, the source of the recorded value)
-- and the page words them in the reader's language; detail stays for the rows listed before, in
-- English, and is no longer written.
alter table ratification_discrepancy
    add column recorded_source text,
    add column source_file     text,
    add column source_row      int,
    alter column detail drop not null;

-- The latest published update of each action, read by the public implementation status and the
-- recommendations dashboard, without reading every update of the workspace for each action.
create index progress_update_action_idx on progress_update (action_id, published_at)
    where action_id is not null;
