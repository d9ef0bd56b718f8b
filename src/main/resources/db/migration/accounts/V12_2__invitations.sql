-- Invitations to join a clinic with a role. The link's secret is stored only as its SHA-256 hash;
-- an invitation is accepted once, or revoked, or it expires.
create table invitation (
    clinic_id   uuid        not null references clinic (id),
    id          uuid        not null,
    email       text        not null,
    role        text        not null,
    token_hash  bytea       not null unique,
    invited_by  uuid        not null references app_user (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid        references app_user (id),
    revoked_at  timestamptz,
    primary key (clinic_id, id),
    constraint invitation_role check (role in ('owner', 'admin', 'practitioner', 'front-desk', 'client')),
    constraint invitation_settled_once check (accepted_at is null or revoked_at is null),
    constraint invitation_accepted_by check ((accepted_at is null) = (accepted_by is null))
);
create index invitation_clinic on invitation (clinic_id, created_at desc);
create index invitation_pending_email on invitation (clinic_id, lower(email)) where accepted_at is null and revoked_at is null;
