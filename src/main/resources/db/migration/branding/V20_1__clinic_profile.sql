-- The clinic's own face on its client-facing pages and in its mail: the name clients know it by, a
-- short description, address, phone, the opening hours it shows, its colours (checked for WCAG AA
-- contrast by the application), its cancellation policy, a logo and photos of the premises.
-- A clinic without a row shows its name and the defaults.
create table clinic_profile (
    clinic_id           uuid        primary key references clinic (id),
    display_name        text        not null,
    description         text,
    address             text,
    phone               text,
    opening_hours_text  text,
    brand_color         text        not null,
    on_brand_color      text        not null,
    cancellation_policy text,
    revision            integer     not null default 1,
    updated_at          timestamptz not null,
    updated_by          uuid        references app_user (id),
    constraint clinic_profile_name check (length(btrim(display_name)) between 1 and 100),
    constraint clinic_profile_colors check (brand_color ~ '^#[0-9a-f]{6}$' and on_brand_color ~ '^#[0-9a-f]{6}$')
);

-- Pictures: the logo (at most one) and photos of the premises, in the order shown, each with the
-- text that describes it to a person who cannot see it.
create table clinic_picture (
    clinic_id    uuid        not null references clinic (id),
    id           uuid        not null,
    kind         text        not null,
    content_type text        not null,
    bytes        bytea       not null,
    alt_text     text        not null,
    position     integer     not null,
    created_at   timestamptz not null,
    primary key (clinic_id, id),
    constraint clinic_picture_kind check (kind in ('logo', 'photo')),
    constraint clinic_picture_type check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    constraint clinic_picture_size check (octet_length(bytes) between 1 and 2097152)
);
create unique index clinic_picture_one_logo on clinic_picture (clinic_id) where kind = 'logo';
