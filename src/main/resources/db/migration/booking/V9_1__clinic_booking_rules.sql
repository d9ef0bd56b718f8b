-- A clinic's own booking-rule data: which treatments are resurfacing or exfoliating (they may not
-- fall within each other's recovery) and recovery days that differ from the catalog's downtime.
-- No row: the clinic uses the sourced defaults of scheduling/booking-rules.json.
create table clinic_booking_rules (
    clinic_id  uuid        primary key references clinic (id),
    settings   jsonb       not null,
    revision   integer     not null default 1,
    updated_at timestamptz not null,
    updated_by uuid        references app_user (id)
);
