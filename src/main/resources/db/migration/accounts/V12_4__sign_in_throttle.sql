-- Failed sign-ins, counted per account and address, per account, and per address. Keys are SHA-256
-- hashes, so the table holds neither emails nor addresses; account_hash lets a password reset clear
-- every count of its account. Kept in the database so that all app instances see the same counts.
create table sign_in_failure (
    throttle_key    bytea       primary key,
    account_hash    bytea,
    failures        integer     not null check (failures > 0),
    last_failure_at timestamptz not null
);
create index sign_in_failure_account on sign_in_failure (account_hash) where account_hash is not null;
create index sign_in_failure_last on sign_in_failure (last_failure_at);

-- Addresses (hashed) a person signed in from successfully: failures elsewhere do not lock them out there.
create table sign_in_known_source (
    user_id         uuid        not null references app_user (id),
    source_hash     bytea       not null,
    last_success_at timestamptz not null,
    primary key (user_id, source_hash)
);
