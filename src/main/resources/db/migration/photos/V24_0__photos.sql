-- Photos of a client's skin (issue 16): the image and its thumbnail are stored encrypted (AES-GCM,
-- the key outside the database), metadata already removed. Pore analyses are append-only.
create table client_photo (
    clinic_id   uuid        not null references clinic (id),
    id          uuid        not null,
    client_id   uuid        not null,
    view        text        not null check (view in ('front', 'left', 'right', 'back', 'chest', 'close-up')),
    area        text        not null,
    taken_at    timestamptz not null,
    session_id  uuid,
    width       integer     not null check (width > 0),
    height      integer     not null check (height > 0),
    px_per_mm   double precision check (px_per_mm > 0),
    image       bytea       not null,
    thumbnail   bytea       not null,
    created_at  timestamptz not null,
    created_by  uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    foreign key (clinic_id, session_id) references treatment_session (clinic_id, id)
);

create index client_photo_by_client on client_photo (clinic_id, client_id, area, taken_at);

create table photo_analysis (
    clinic_id           uuid             not null references clinic (id),
    id                  uuid             not null,
    photo_id            uuid             not null,
    region_x            integer          not null,
    region_y            integer          not null,
    region_width        integer          not null,
    region_height       integer          not null,
    px_per_mm           double precision,
    calibrated          boolean          not null,
    count               integer          not null,
    density_per_cm2     double precision,
    mean_diameter_mm    double precision,
    median_diameter_mm  double precision,
    area_percent        double precision not null,
    overlay             bytea            not null,
    created_at          timestamptz      not null,
    created_by          uuid             not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, photo_id) references client_photo (clinic_id, id)
);

create index photo_analysis_by_photo on photo_analysis (clinic_id, photo_id, created_at);

create function photo_analysis_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'photo_analysis is a clinical measurement: it is never changed or deleted; analyse again instead';
end;
$$;

create trigger photo_analysis_is_append_only before update or delete on photo_analysis
    for each row execute function photo_analysis_append_only();
