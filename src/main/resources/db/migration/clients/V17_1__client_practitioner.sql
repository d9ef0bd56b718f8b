-- The practitioner the clinic (an owner or admin) assigned to a client: a care relationship that
-- gives that practitioner the client's medical answers. One per client; removing it ends the access
-- it gave (a checked-in appointment with the practitioner gives access too, see clients/ClientAccess).
-- Every assignment and removal is written to the audit log.
create table client_practitioner (
    clinic_id       uuid        not null,
    client_id       uuid        not null,
    practitioner_id uuid        not null,
    assigned_at     timestamptz not null,
    assigned_by     uuid        references app_user (id),
    primary key (clinic_id, client_id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id)
);
create index client_practitioner_by_practitioner on client_practitioner (clinic_id, practitioner_id);
