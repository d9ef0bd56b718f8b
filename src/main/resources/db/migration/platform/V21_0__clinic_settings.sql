-- One store for a clinic's sourced settings (issue 11): one JSON document per clinic and kind
-- ('recommendation-rules', 'booking-rules', and the visit modules' settings), with the revision an
-- editor sends back in If-Match. The two tables that kept one kind each move into it, rows and
-- revisions unchanged.
create table clinic_settings (
    clinic_id  uuid        not null references clinic (id),
    kind       text        not null check (kind ~ '^[a-z][a-z0-9-]*$'),
    settings   jsonb       not null,
    revision   integer     not null check (revision >= 1),
    updated_at timestamptz not null,
    updated_by uuid,
    primary key (clinic_id, kind)
);

insert into clinic_settings (clinic_id, kind, settings, revision, updated_at, updated_by)
select clinic_id, 'recommendation-rules', settings, revision, updated_at, updated_by from clinic_rule_settings;

insert into clinic_settings (clinic_id, kind, settings, revision, updated_at, updated_by)
select clinic_id, 'booking-rules', settings, revision, updated_at, updated_by from clinic_booking_rules;

drop table clinic_rule_settings;
drop table clinic_booking_rules;
