-- People who sign in. A person is global (one email, one password) and belongs to clinics through
-- clinic_member, with one role in each clinic.
create table app_user (
    id            uuid        primary key,
    email         text        not null,
    display_name  text        not null,
    password_hash text        not null,
    created_at    timestamptz not null
);
create unique index app_user_email_key on app_user (lower(email));

create table clinic_member (
    clinic_id  uuid        not null references clinic (id),
    user_id    uuid        not null references app_user (id),
    role       text        not null,
    created_at timestamptz not null,
    primary key (clinic_id, user_id),
    constraint clinic_member_role check (role in ('owner', 'admin', 'practitioner', 'front-desk', 'client'))
);
create index clinic_member_user on clinic_member (user_id);

-- Bearer tokens (API) and browser sign-ins: random secrets stored only as SHA-256 hashes.
create table access_token (
    id         uuid        primary key,
    user_id    uuid        not null references app_user (id),
    token_hash bytea       not null unique,
    kind       text        not null,
    label      text,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    constraint access_token_kind check (kind in ('api', 'browser'))
);
create index access_token_user on access_token (user_id);
