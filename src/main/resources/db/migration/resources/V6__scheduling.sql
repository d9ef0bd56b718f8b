-- Scheduling: the clinic's hours, practitioners, rooms and devices, what each treatment needs, and
-- the appointments. The database itself refuses two active appointments that overlap on one
-- practitioner, one room or one device unit (exclusion constraints over time ranges), so that no
-- number of app instances on one database can double-book.
create extension if not exists btree_gist;

-- The clinic's booking settings. The time zone is the clinic's own (clinic.time_zone).
create table clinic_schedule (
    clinic_id               uuid        primary key references clinic (id),
    slot_minutes            integer     not null default 15,
    min_notice_minutes      integer     not null default 60,
    horizon_days            integer     not null default 92,
    client_cancel_hours     integer     not null default 24,
    waitlist_offer_minutes  integer     not null default 120,
    revision                integer     not null default 1,
    updated_at              timestamptz not null,
    constraint clinic_schedule_slot check (slot_minutes between 5 and 120 and 1440 % slot_minutes = 0),
    constraint clinic_schedule_notice check (min_notice_minutes between 0 and 20160),
    constraint clinic_schedule_horizon check (horizon_days between 1 and 730),
    constraint clinic_schedule_cancel check (client_cancel_hours between 0 and 720),
    constraint clinic_schedule_offer check (waitlist_offer_minutes between 5 and 10080)
);

-- Opening hours: one or more intervals per ISO weekday (1 = Monday), in the clinic's local time.
create table opening_hours (
    clinic_id uuid    not null references clinic (id),
    weekday   integer not null,
    opens     time    not null,
    closes    time    not null,
    primary key (clinic_id, weekday, opens),
    constraint opening_hours_weekday check (weekday between 1 and 7),
    constraint opening_hours_order check (opens < closes)
);

-- Days the clinic is closed (holidays), inclusive local dates.
create table closure (
    clinic_id  uuid not null references clinic (id),
    id         uuid not null,
    first_day  date not null,
    last_day   date not null,
    reason     text not null,
    primary key (clinic_id, id),
    constraint closure_order check (first_day <= last_day),
    constraint closure_reason_length check (length(reason) <= 200)
);

-- The people who perform treatments, with the highest qualification they hold (esthetician,
-- nurse, physician); optionally the account they sign in with.
create table practitioner (
    clinic_id     uuid        not null references clinic (id),
    id            uuid        not null,
    user_id       uuid        references app_user (id),
    display_name  text        not null,
    qualification text        not null,
    active        boolean     not null default true,
    created_at    timestamptz not null,
    primary key (clinic_id, id),
    constraint practitioner_qualification check (qualification in ('esthetician', 'nurse', 'physician')),
    constraint practitioner_name_length check (length(btrim(display_name)) between 1 and 100)
);
create unique index practitioner_user on practitioner (clinic_id, user_id) where user_id is not null;

-- Weekly shifts and breaks in the clinic's local time (weekday 1 = Monday).
create table practitioner_shift (
    clinic_id       uuid    not null,
    practitioner_id uuid    not null,
    weekday         integer not null,
    starts          time    not null,
    ends            time    not null,
    primary key (clinic_id, practitioner_id, weekday, starts),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    constraint practitioner_shift_weekday check (weekday between 1 and 7),
    constraint practitioner_shift_order check (starts < ends)
);

create table practitioner_break (
    clinic_id       uuid    not null,
    practitioner_id uuid    not null,
    weekday         integer not null,
    starts          time    not null,
    ends            time    not null,
    primary key (clinic_id, practitioner_id, weekday, starts),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    constraint practitioner_break_weekday check (weekday between 1 and 7),
    constraint practitioner_break_order check (starts < ends)
);

-- Time off: absolute instants (a holiday, a training day, an afternoon).
create table practitioner_time_off (
    clinic_id       uuid        not null,
    id              uuid        not null,
    practitioner_id uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    reason          text        not null default '',
    primary key (clinic_id, id),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    constraint practitioner_time_off_order check (starts_at < ends_at)
);
create index practitioner_time_off_range on practitioner_time_off (clinic_id, practitioner_id, ends_at);

-- Rooms with what they offer: facial-bed, body-treatment-bed, laser-safe, ...
create table room (
    clinic_id    uuid        not null references clinic (id),
    id           uuid        not null,
    name         text        not null,
    capabilities text[]      not null default '{}',
    active       boolean     not null default true,
    created_at   timestamptz not null,
    primary key (clinic_id, id),
    constraint room_name_length check (length(btrim(name)) between 1 and 100)
);

-- Device units by type (steamer, microneedling-pen, ...): each unit is booked once at a time.
create table device (
    clinic_id   uuid        not null references clinic (id),
    id          uuid        not null,
    name        text        not null,
    device_type text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    primary key (clinic_id, id),
    constraint device_name_length check (length(btrim(name)) between 1 and 100),
    constraint device_type_format check (device_type ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

-- What a treatment of the clinic's catalog needs to be booked: room capabilities, device types,
-- and buffers before (setup) and after (cleaning, sterilisation) that block the practitioner, the
-- room and the devices. The session length is the catalog's typical duration.
create table treatment_requirement (
    clinic_id             uuid    not null,
    treatment_code        text    not null,
    bookable              boolean not null default true,
    room_capabilities     text[]  not null default '{}',
    device_types          text[]  not null default '{}',
    buffer_before_minutes integer not null default 0,
    buffer_after_minutes  integer not null default 0,
    sources               text[]  not null default '{}',
    revision              integer not null default 1,
    primary key (clinic_id, treatment_code),
    foreign key (clinic_id, treatment_code) references clinic_treatment (clinic_id, code),
    constraint treatment_requirement_buffers check (buffer_before_minutes between 0 and 240
                                                    and buffer_after_minutes between 0 and 240)
);

-- A course booked in one go: its appointments carry its id.
create table booked_course (
    clinic_id      uuid        not null references clinic (id),
    id             uuid        not null,
    client_id      uuid        not null,
    treatment_code text        not null,
    created_at     timestamptz not null,
    created_by     uuid        references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id)
);

-- Appointments. starts_at/ends_at are the treatment itself; blocked is the range with the buffers,
-- during which the practitioner, the room and the devices are taken.
create table appointment (
    clinic_id       uuid        not null references clinic (id),
    id              uuid        not null,
    client_id       uuid        not null,
    treatment_code  text        not null,
    practitioner_id uuid        not null,
    room_id         uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    blocked         tstzrange   not null,
    status          text        not null,
    course_id       uuid,
    override_reason text,
    overridden_by   uuid        references app_user (id),
    cancel_reason   text,
    created_at      timestamptz not null,
    created_by      uuid        references app_user (id),
    updated_at      timestamptz not null,
    revision        integer     not null default 1,
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    foreign key (clinic_id, practitioner_id) references practitioner (clinic_id, id),
    foreign key (clinic_id, room_id) references room (clinic_id, id),
    foreign key (clinic_id, course_id) references booked_course (clinic_id, id),
    constraint appointment_status check (status in ('booked', 'checked-in', 'completed', 'cancelled', 'no-show')),
    constraint appointment_order check (starts_at < ends_at),
    constraint appointment_blocked_covers check (blocked @> tstzrange(starts_at, ends_at)),
    constraint appointment_practitioner_free exclude using gist
        (clinic_id with =, practitioner_id with =, blocked with &&)
        where (status in ('booked', 'checked-in', 'completed')),
    constraint appointment_room_free exclude using gist
        (clinic_id with =, room_id with =, blocked with &&)
        where (status in ('booked', 'checked-in', 'completed')),
    constraint appointment_client_free exclude using gist
        (clinic_id with =, client_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('booked', 'checked-in', 'completed'))
);
create index appointment_by_time on appointment (clinic_id, starts_at);
create index appointment_by_client on appointment (clinic_id, client_id, starts_at);

-- The device units an appointment holds. Rows copy the appointment's range and whether it is
-- active, so that the exclusion constraint can see them; the booking code keeps them in step in the
-- same transaction.
create table appointment_device (
    clinic_id      uuid      not null,
    appointment_id uuid      not null,
    device_id      uuid      not null,
    blocked        tstzrange not null,
    active         boolean   not null,
    primary key (clinic_id, appointment_id, device_id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    foreign key (clinic_id, device_id) references device (clinic_id, id),
    constraint appointment_device_free exclude using gist
        (clinic_id with =, device_id with =, blocked with &&) where (active)
);

-- Every status change of an appointment, append-only.
create table appointment_event (
    clinic_id      uuid        not null,
    appointment_id uuid        not null,
    seq            bigserial,
    at             timestamptz not null,
    by_user        uuid        references app_user (id),
    from_status    text,
    to_status      text        not null,
    starts_at      timestamptz not null,
    note           text,
    primary key (clinic_id, appointment_id, seq),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id)
);

-- Idempotency-Key: the first response to a key is kept and replayed for a retry of the same request.
create table idempotent_request (
    clinic_id       uuid        not null references clinic (id),
    user_id         uuid        not null references app_user (id),
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz not null,
    primary key (clinic_id, user_id, idempotency_key),
    constraint idempotent_request_key_length check (length(idempotency_key) between 1 and 200)
);

-- Waitlist: a client waits for a treatment in a window of local dates; when a matching slot frees,
-- the first in line is offered it until offer_expires_at.
create table waitlist_entry (
    clinic_id            uuid        not null references clinic (id),
    id                   uuid        not null,
    client_id            uuid        not null,
    treatment_code       text        not null,
    practitioner_id      uuid,
    first_day            date        not null,
    last_day             date        not null,
    status               text        not null,
    offered_start        timestamptz,
    offered_practitioner uuid,
    offer_expires_at     timestamptz,
    appointment_id       uuid,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint waitlist_status check (status in ('waiting', 'offered', 'booked', 'expired', 'cancelled')),
    constraint waitlist_window check (first_day <= last_day)
);
create index waitlist_open on waitlist_entry (clinic_id, treatment_code, created_at) where status in ('waiting', 'offered');

-- Calendar feeds (iCalendar) for a practitioner or a client, behind an unguessable token stored
-- only as its SHA-256 hash; revoking sets revoked_at.
create table calendar_feed (
    clinic_id    uuid        not null references clinic (id),
    id           uuid        not null,
    subject_kind text        not null,
    subject_id   uuid        not null,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null,
    created_by   uuid        references app_user (id),
    revoked_at   timestamptz,
    primary key (clinic_id, id),
    constraint calendar_feed_kind check (subject_kind in ('practitioner', 'client'))
);
