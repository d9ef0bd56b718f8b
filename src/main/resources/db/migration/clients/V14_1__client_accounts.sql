-- The account a client signs in with, in one clinic: a client reaches only the record it is linked
-- to (their own contact details, assessments and appointments). One account per client record and
-- one record per account in each clinic.
create table client_account (
    clinic_id uuid        not null,
    client_id uuid        not null,
    user_id   uuid        not null references app_user (id),
    linked_at timestamptz not null,
    primary key (clinic_id, client_id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create unique index client_account_user on client_account (clinic_id, user_id);
