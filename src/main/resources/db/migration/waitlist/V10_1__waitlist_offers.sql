-- Waitlist offers. An opening is time an appointment gave back (cancelled, moved away, no-show); it
-- is offered to one waiting client at a time, first in line first, each at most once: the history of
-- offers says who has had it and how it ended. The entry carries its current offer (offered_*,
-- offer_expires_at, opening_id); an offer does not reserve the slot in the appointment table.
create table waitlist_opening (
    clinic_id       uuid        not null references clinic (id),
    id              uuid        not null,
    appointment_id  uuid        not null,
    treatment_code  text        not null,
    practitioner_id uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    status          text        not null default 'open',
    created_at      timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    constraint waitlist_opening_status check (status in ('open', 'filled', 'unclaimed')),
    constraint waitlist_opening_order check (starts_at < ends_at)
);

alter table waitlist_entry
    add column opening_id uuid,
    add column created_by uuid references app_user (id),
    add foreign key (clinic_id, opening_id) references waitlist_opening (clinic_id, id),
    add foreign key (clinic_id, treatment_code) references clinic_treatment (clinic_id, code),
    add foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    add foreign key (clinic_id, offered_practitioner) references practitioner (clinic_id, id),
    add foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    add constraint waitlist_offer_complete check ((status = 'offered') = (offered_start is not null
        and offered_practitioner is not null and offer_expires_at is not null and opening_id is not null)),
    add constraint waitlist_booked_has_appointment check (status <> 'booked' or appointment_id is not null);

-- One live offer per opening, whoever holds it; the expiry job finds due offers by time.
create unique index waitlist_one_offer_per_opening on waitlist_entry (clinic_id, opening_id) where status = 'offered';
create index waitlist_offer_due on waitlist_entry (offer_expires_at) where status = 'offered';
create index waitlist_by_client on waitlist_entry (clinic_id, client_id, created_at);

create table waitlist_offer (
    clinic_id       uuid        not null,
    opening_id      uuid        not null,
    entry_id        uuid        not null,
    slot_start      timestamptz not null,
    practitioner_id uuid        not null,
    offered_at      timestamptz not null,
    expires_at      timestamptz not null,
    outcome         text,
    decided_at      timestamptz,
    primary key (clinic_id, opening_id, entry_id),
    foreign key (clinic_id, opening_id) references waitlist_opening (clinic_id, id),
    foreign key (clinic_id, entry_id) references waitlist_entry (clinic_id, id),
    constraint waitlist_offer_outcome check (outcome in ('accepted', 'declined', 'lapsed', 'taken', 'withdrawn')),
    constraint waitlist_offer_decided check ((outcome is null) = (decided_at is null))
);
