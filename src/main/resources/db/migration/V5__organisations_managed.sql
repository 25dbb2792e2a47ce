-- Organisations become managed by administrators: a national human rights institution or an NGO
-- that receives accounts is added in the application, with the State it belongs to where it has one.

alter table organisation
    add column state_iso3 char(3) references state (iso3),
    add column version    bigint not null default 0,
    add constraint organisation_code_format check (code ~ '^[A-Z0-9_]{2,40}$'),
    add constraint organisation_kind_known check (kind in ('UN_ENTITY', 'INTERGOVERNMENTAL', 'NHRI',
                                                           'NHRI_NETWORK', 'NGO', 'DONOR_AGENCY',
                                                           'GOVERNMENT', 'ACADEMIC', 'OTHER'));

create unique index organisation_name_idx on organisation (lower(name));
