-- What a client wants to receive (issue 15): marketing-like messages (rebooking) may be switched off
-- from the one-click List-Unsubscribe (RFC 8058) or the preferences page; reminders and aftercare are
-- transactional but can be switched off too. No row: everything on.
create table message_preference (
    clinic_id  uuid        not null references clinic (id),
    client_id  uuid        not null,
    marketing  boolean     not null default true,
    reminders  boolean     not null default true,
    aftercare  boolean     not null default true,
    updated_at timestamptz not null,
    primary key (clinic_id, client_id),
    constraint message_preference_client foreign key (clinic_id, client_id) references client (clinic_id, id)
);

-- The links to a client's preferences page and to the one-click unsubscribe, one per message that
-- carries them: a random token of which only the SHA-256 is kept, valid for a year.
create table preference_link (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    client_id  uuid        not null,
    token_hash text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    primary key (clinic_id, id),
    constraint preference_link_client foreign key (clinic_id, client_id) references client (clinic_id, id)
);
create unique index preference_link_token on preference_link (token_hash, clinic_id);
create index preference_link_expires on preference_link (expires_at);
