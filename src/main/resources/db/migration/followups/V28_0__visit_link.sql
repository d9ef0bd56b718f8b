-- One-click links in the messages around a visit (issue 15): confirm, cancel or reschedule from a
-- reminder, answer a check-in from its email, without signing in. The link's token is a random
-- secret of 32 bytes; only its SHA-256 is kept. Each link does one thing for one appointment, until
-- it expires or is used once (used_at). When the appointment is moved or cancelled, its links
-- before the visit expire at once.
create table visit_link (
    clinic_id      uuid        not null references clinic (id),
    id             uuid        not null,
    appointment_id uuid        not null,
    client_id      uuid        not null,
    follow_up_id   uuid,
    purpose        text        not null,
    token_hash     text        not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    primary key (clinic_id, id),
    constraint visit_link_appointment foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    constraint visit_link_purpose check (purpose in ('confirm', 'cancel', 'reschedule', 'check-in'))
);
create unique index visit_link_token on visit_link (token_hash, clinic_id);
create index visit_link_appointment_idx on visit_link (clinic_id, appointment_id);
create index visit_link_spent on visit_link (expires_at);

-- The client said "I'll be there" (from a reminder's link): once per appointment, for the staff
-- calendar to show; removed when the appointment is moved or cancelled (it was for that time).
create table appointment_confirmation (
    clinic_id      uuid        not null references clinic (id),
    appointment_id uuid        not null,
    confirmed_at   timestamptz not null,
    primary key (clinic_id, appointment_id),
    constraint appointment_confirmation_appointment foreign key (clinic_id, appointment_id)
        references appointment (clinic_id, id)
);
