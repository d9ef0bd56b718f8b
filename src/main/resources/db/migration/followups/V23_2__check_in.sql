-- A client's answers after a visit (issue 15), append-only like the clinical record: what the client
-- said is never changed. An answer that meets the escalation rule opens one escalation for the
-- practitioner, who resolves it by recording what they did.
create table check_in (
    clinic_id      uuid        not null references clinic (id),
    id             uuid        not null,
    appointment_id uuid        not null,
    client_id      uuid        not null,
    redness        int         not null check (redness between 0 and 3),
    peeling        boolean     not null,
    pain           int         not null check (pain between 0 and 10),
    swelling       boolean     not null,
    warning_signs  text[]      not null,
    note           text,
    escalated      boolean     not null,
    created_at     timestamptz not null,
    primary key (clinic_id, id),
    constraint check_in_appointment foreign key (clinic_id, appointment_id) references appointment (clinic_id, id)
);
create index check_in_appointment_idx on check_in (clinic_id, appointment_id);

create function check_in_unchanged() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a client''s answers are never changed or removed', tg_table_name;
end
$$;
create trigger check_in_append_only before update or delete on check_in
    for each row execute function check_in_unchanged();

create table escalation (
    clinic_id      uuid        not null references clinic (id),
    id             uuid        not null,
    check_in_id    uuid        not null,
    appointment_id uuid        not null,
    client_id      uuid        not null,
    reasons        text        not null,
    status         text        not null default 'open',
    opened_at      timestamptz not null,
    resolved_at    timestamptz,
    resolved_by    uuid,
    action         text,
    primary key (clinic_id, id),
    constraint escalation_once unique (clinic_id, check_in_id),
    constraint escalation_check_in foreign key (clinic_id, check_in_id) references check_in (clinic_id, id),
    constraint escalation_status check (status in ('open', 'resolved')),
    constraint escalation_resolved check ((status = 'resolved') = (resolved_at is not null and action is not null))
);
create index escalation_open on escalation (clinic_id, opened_at) where status = 'open';
