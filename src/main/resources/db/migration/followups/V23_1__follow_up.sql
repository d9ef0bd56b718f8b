-- Messages around a visit (issue 15): one row per (appointment, kind, due time), unique, so that any
-- number of app instances creating them on the same event create each once. due_at is when the rule
-- says it falls due; send_at is when it may go out (after quiet hours). The delivery job claims due
-- rows with "for update skip locked" and puts each in the mail outbox in the same transaction, under
-- a Message-ID made of the row's id, so a message is handed to the outbox exactly once and the
-- outbox's at-least-once delivery repeats the same Message-ID.
create table follow_up (
    clinic_id      uuid        not null references clinic (id),
    id             uuid        not null,
    appointment_id uuid        not null,
    client_id      uuid        not null,
    kind           text        not null,
    due_at         timestamptz not null,
    send_at        timestamptz not null,
    status         text        not null default 'scheduled',
    channel        text        not null default 'email',
    created_at     timestamptz not null,
    sent_at        timestamptz,
    cancelled_at   timestamptz,
    primary key (clinic_id, id),
    constraint follow_up_once unique (clinic_id, appointment_id, kind, due_at),
    constraint follow_up_appointment foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    constraint follow_up_kind check (kind in ('confirmation', 'reminder', 'before-care', 'aftercare', 'check-in', 'rebook')),
    constraint follow_up_status check (status in ('scheduled', 'sent', 'answered', 'cancelled')),
    constraint follow_up_channel check (channel in ('email')),
    constraint follow_up_sent check ((status in ('sent', 'answered')) = (sent_at is not null))
);
create index follow_up_due on follow_up (send_at) where status = 'scheduled';
create index follow_up_appointment_idx on follow_up (clinic_id, appointment_id);
