-- Holds: a booking made on the clinic's public page by a new client is an appointment with status
-- 'held' until the client confirms it from the link in their email, or until hold_expires_at passes.
-- A held appointment takes its practitioner, room, client and devices in the exclusion constraints
-- like a booked one, so two holds (or a hold and a booking) racing for one time give one. An
-- exclusion constraint cannot read the clock: an ended hold still sits in the index until it is
-- marked 'expired', which every booking does for the ended holds in its way (in its own transaction,
-- before it writes) and a job does for all, on any number of instances (for update skip locked);
-- availability reads hold_expires_at, so an ended hold is never offered as taken.
alter table appointment add column hold_expires_at timestamptz;

alter table appointment drop constraint appointment_status;
alter table appointment add constraint appointment_status
    check (status in ('held', 'booked', 'checked-in', 'completed', 'cancelled', 'no-show', 'expired'));
alter table appointment add constraint appointment_hold_has_end
    check (status <> 'held' or hold_expires_at is not null);

alter table appointment drop constraint appointment_practitioner_free;
alter table appointment drop constraint appointment_room_free;
alter table appointment drop constraint appointment_client_free;
alter table appointment add constraint appointment_practitioner_free exclude using gist
    (clinic_id with =, practitioner_id with =, blocked with &&)
    where (status in ('held', 'booked', 'checked-in', 'completed'));
alter table appointment add constraint appointment_room_free exclude using gist
    (clinic_id with =, room_id with =, blocked with &&)
    where (status in ('held', 'booked', 'checked-in', 'completed'));
alter table appointment add constraint appointment_client_free exclude using gist
    (clinic_id with =, client_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('held', 'booked', 'checked-in', 'completed'));

drop index appointment_active_blocked;
create index appointment_active_blocked on appointment using gist (clinic_id, blocked)
    where status in ('held', 'booked', 'checked-in', 'completed');
create index appointment_held_until on appointment (hold_expires_at) where status = 'held';

-- The public booking of a new client: the hold, its confirmation link (only the SHA-256 hash of the
-- token is kept), who asked (email as typed, lower-cased for matching; the address only as a
-- SHA-256 hash, for the per-address limit), the cautions noted for the practitioner, and whether the
-- client chose a password to open an account once the email is confirmed.
create table public_booking (
    clinic_id       uuid        not null references clinic (id),
    id              uuid        not null,
    appointment_id  uuid        not null,
    client_id       uuid        not null,
    email           text        not null,
    token_hash      text        not null,
    source_hash     text        not null,
    status          text        not null,
    hold_expires_at timestamptz not null,
    cautions        text,
    account_name    text,
    password_hash   text,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    primary key (clinic_id, id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint public_booking_status check (status in ('held', 'booked')),
    constraint public_booking_email_lower check (email = lower(email))
);
create unique index public_booking_token on public_booking (token_hash, clinic_id);
create index public_booking_by_email on public_booking (email, created_at);
create index public_booking_by_source on public_booking (source_hash, created_at);
create index client_by_email on client (clinic_id, lower(email)) where email is not null;
