-- E-mail waiting to be sent, sent, or given up (see org.coopera.platform.Outbox). A mail is written
-- in the transaction of what caused it and sent by OutboxSender after the commit. Not audited (see
-- AuditTriggerCallback): the changes that cause mail are audited where they happen.

create table mail_outbox (
    id              uuid primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    queued_at       timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int         not null default 0,
    last_error      text,
    sent_at         timestamptz,
    failed_at       timestamptz
);

create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- In-application notifications (see org.coopera.platform.Notifications): one per person and event,
-- its text kept as a message key and arguments so that it is shown in the reader's language of the
-- day. Not audited either: what caused each notification is audited where it happened.

create table notification (
    id            uuid primary key,
    account_id    uuid        not null references account (id),
    message_key   text        not null,
    arguments     text[]      not null default '{}',
    link          text        not null check (link like '/%' and link not like '//%'),
    created_at    timestamptz not null,
    read_at       timestamptz
);

create index notification_account_idx on notification (account_id, created_at desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- Files people attach (see org.coopera.platform.StoredFiles): the description, audited, and the
-- bytes in a table of their own, not audited (as recommendation_import_file).

create table stored_file (
    id         uuid primary key,
    file_name  text        not null,
    media_type text        not null,
    size       bigint      not null check (size > 0),
    sha256     text        not null,
    stored_at  timestamptz not null,
    stored_by  uuid        not null
);

create table stored_file_content (
    file_id uuid primary key references stored_file (id),
    content bytea not null
);
