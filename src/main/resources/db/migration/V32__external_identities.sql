-- Single sign-on through OpenID Connect providers.
--
-- external_identity: the identity a provider vouches for (its issuer and the subject it gives the
-- person), linked to the Coopera account it signs in. Audited: a new link lets someone into an
-- account.
--
-- role_assignment.granted_by: the issuer whose group mapping granted the role, recomputed at each
-- sign-in through that provider; null for a role granted in Coopera (by an administrator, the first
-- administrator's bootstrap or the demo accounts), which sign-ins never remove.

create table external_identity (
    id         uuid primary key,
    issuer     text        not null,
    subject    text        not null,
    account_id uuid        not null references account (id) on delete cascade,
    provider   text        not null,
    linked_at  timestamptz not null,
    constraint external_identity_unique unique (issuer, subject)
);
create index external_identity_account_idx on external_identity (account_id);

alter table role_assignment add column granted_by text;
