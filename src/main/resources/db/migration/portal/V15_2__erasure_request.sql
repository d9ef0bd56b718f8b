-- A client's request to erase their data. The clinic confirms (or declines with a reason); what was
-- erased and what was kept, and why, is stored with the decision.
create table erasure_request (
    clinic_id    uuid        not null references clinic (id),
    id           uuid        not null,
    client_id    uuid        not null,
    requested_at timestamptz not null,
    requested_by uuid        references app_user (id),
    note         text,
    status       text        not null,
    decided_at   timestamptz,
    decided_by   uuid        references app_user (id),
    decision     text,
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint erasure_request_status check (status in ('requested', 'confirmed', 'declined')),
    constraint erasure_request_note_length check (length(note) <= 2000),
    constraint erasure_request_decision_length check (length(decision) <= 4000)
);
create unique index erasure_request_open on erasure_request (clinic_id, client_id) where status = 'requested';
