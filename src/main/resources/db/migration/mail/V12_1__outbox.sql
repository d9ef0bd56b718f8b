-- Mail to send, written in the same transaction as the event it tells about (the outbox pattern).
-- A clinic's mail (an invitation) carries its clinic_id; personal mail (a password reset) has none.
-- A background sender claims due rows with "for update skip locked", leases them while it talks to
-- the SMTP server, and marks each sent once. message_id is the RFC 5322 Message-ID header, the same
-- on every attempt, so that a rare duplicate after a crash is recognisable as one.
create table outbox_message (
    id              uuid        primary key,
    clinic_id       uuid        references clinic (id),
    message_id      text        not null unique,
    kind            text        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    sensitive       boolean     not null default false,
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint outbox_message_status check (status in ('pending', 'sending', 'sent', 'failed')),
    constraint outbox_message_attempts check (attempts >= 0),
    constraint outbox_message_sent check ((status = 'sent') = (sent_at is not null))
);
create index outbox_message_due on outbox_message (next_attempt_at) where status in ('pending', 'sending');
create index outbox_message_clinic on outbox_message (clinic_id, created_at desc) where clinic_id is not null;
