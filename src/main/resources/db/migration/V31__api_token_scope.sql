-- What a personal API token may do: READ (GET, HEAD and OPTIONS only) or READ_WRITE. Tokens issued
-- before scopes existed keep what they could do; new ones are read-only unless asked otherwise.

alter table api_token add column scope text not null default 'READ_WRITE'
    check (scope in ('READ', 'READ_WRITE'));
alter table api_token alter column scope set default 'READ';
