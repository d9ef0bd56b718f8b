-- Each clinic's own copy of the catalog, made from the defaults when the clinic opens. The clinic
-- edits its copy (price, duration, steps, ...); the defaults in the repository never change.
create table clinic_treatment (
    clinic_id       uuid        not null references clinic (id),
    code            text        not null,
    definition      jsonb       not null,
    default_version text        not null,
    customized      boolean     not null default false,
    active          boolean     not null default true,
    revision        integer     not null default 1,
    updated_at      timestamptz not null,
    updated_by      uuid,
    primary key (clinic_id, code),
    constraint clinic_treatment_code_matches check (definition ->> 'code' = code)
);
