-- A clinic's own numbers for the recommendation rules (washouts, pauses, minimum ages, cadences),
-- where the sources disagree. No row: the clinic uses the sourced defaults.
create table clinic_rule_settings (
    clinic_id  uuid        primary key references clinic (id),
    settings   jsonb       not null,
    revision   integer     not null default 1,
    updated_at timestamptz not null,
    updated_by uuid
);
