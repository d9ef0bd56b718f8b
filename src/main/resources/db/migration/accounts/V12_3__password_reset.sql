-- Password-reset links: single use, short-lived, the secret stored only as its SHA-256 hash.
create table password_reset (
    id         uuid        primary key,
    user_id    uuid        not null references app_user (id),
    token_hash bytea       not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_user on password_reset (user_id, created_at desc);
