-- Practitioners' licences (issue 17): what the practitioner holds, with the document, as added by
-- the clinic; the platform reviewer's decisions on each are separate rows. Both are append-only: a
-- corrected licence is a new licence, a changed decision a new decision (the latest one counts).
create table licence (
    clinic_id       uuid        not null references clinic (id),
    id              uuid        not null,
    practitioner_id uuid        not null,
    type            text        not null,
    number          text        not null,
    jurisdiction    text        not null,
    expires_on      date        not null,
    document        bytea       not null,
    document_type   text        not null,
    created_at      timestamptz not null,
    created_by      uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    constraint licence_type check (type in ('esthetician', 'cosmetologist', 'nurse', 'nurse-practitioner',
        'physician-assistant', 'physician')),
    constraint licence_number_length check (length(btrim(number)) between 1 and 50),
    constraint licence_jurisdiction_length check (length(btrim(jurisdiction)) between 2 and 60),
    constraint licence_document_type check (document_type in ('application/pdf', 'image/jpeg', 'image/png')),
    constraint licence_document_size check (octet_length(document) between 1 and 10485760)
);
create index licence_by_practitioner on licence (clinic_id, practitioner_id, created_at);
create index licence_by_expiry on licence (expires_on);

-- A platform reviewer's decision on a licence: who, when, what and why.
create table licence_verification (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    licence_id uuid        not null,
    decision   text        not null,
    note       text        not null default '',
    decided_at timestamptz not null,
    decided_by uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, licence_id) references licence (clinic_id, id),
    constraint licence_verification_decision check (decision in ('verified', 'rejected')),
    constraint licence_verification_note_length check (length(note) <= 1000)
);
create index licence_verification_by_licence on licence_verification (clinic_id, licence_id, decided_at desc);

-- One warning per licence and owner before it expires, never twice.
create table licence_expiry_warning (
    clinic_id    uuid        not null references clinic (id),
    licence_id   uuid        not null,
    recipient_id uuid        not null references app_user (id),
    warned_at    timestamptz not null,
    mail_id      uuid        not null,
    primary key (clinic_id, licence_id, recipient_id),
    foreign key (clinic_id, licence_id) references licence (clinic_id, id)
);

create function licence_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is an append-only record of licences: add a new licence or decision instead', tg_table_name;
end;
$$;

create trigger licence_is_append_only before update or delete on licence
    for each row execute function licence_append_only();
create trigger licence_verification_is_append_only before update or delete on licence_verification
    for each row execute function licence_append_only();
