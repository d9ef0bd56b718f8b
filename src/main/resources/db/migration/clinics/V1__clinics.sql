-- Clinics are the tenants. A clinic's own id is the clinic_id every clinic-owned table carries.
create table clinic (
    id           uuid        primary key,
    slug         text        not null unique,
    name         text        not null,
    time_zone    text        not null,
    currency     char(3)     not null default 'USD',
    jurisdiction text,
    created_at   timestamptz not null,
    constraint clinic_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    constraint clinic_currency_format check (currency ~ '^[A-Z]{3}$')
);
