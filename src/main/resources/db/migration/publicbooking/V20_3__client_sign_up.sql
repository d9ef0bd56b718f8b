-- A person signs up as a client of a clinic: the request waits here until its emailed link is
-- followed (24 hours). Every request gets a row and a mail, whether or not the email already has an
-- account, so that neither the answer nor its timing tells (the mail itself says which). Only the
-- SHA-256 of the link's token and of the sender's address are kept; the password as its hash.
create table client_sign_up (
    clinic_id     uuid        not null references clinic (id),
    id            uuid        not null,
    email         text        not null,
    first_name    text        not null,
    last_name     text        not null,
    password_hash text,
    token_hash    text        not null,
    source_hash   text        not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    verified_at   timestamptz,
    primary key (clinic_id, id),
    constraint client_sign_up_email_lower check (email = lower(email))
);
create unique index client_sign_up_token on client_sign_up (token_hash, clinic_id);
create index client_sign_up_by_email on client_sign_up (email, created_at);
create index client_sign_up_by_source on client_sign_up (source_hash, created_at);
