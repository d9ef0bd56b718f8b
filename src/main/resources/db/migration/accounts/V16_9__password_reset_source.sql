-- Password reset requests are limited per requesting address too (issue 10): a stranger cannot use up
-- a person's reset mails, and one address cannot mail-bomb many accounts. Addresses are kept as
-- SHA-256 hashes only, and forgotten after an hour.
alter table password_reset add column source_hash bytea;

create table password_reset_request (
    id bigint generated always as identity primary key,
    source_hash bytea not null,
    requested_at timestamptz not null
);
create index password_reset_request_source on password_reset_request (source_hash, requested_at);
create index password_reset_user_recent on password_reset (user_id, created_at);
