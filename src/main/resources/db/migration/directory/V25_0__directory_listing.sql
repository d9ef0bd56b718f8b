-- A clinic's entry in the public directory (/clinics): listed only when the clinic opts in, with the
-- address and the coordinates clients' distances are measured from (great-circle, no map service).

create table directory_listing (
    clinic_id  uuid             not null references clinic (id),
    listed     boolean          not null default false,
    address    text             not null default '',
    city       text             not null default '',
    latitude   double precision,
    longitude  double precision,
    revision   integer          not null default 1,
    updated_by uuid,
    updated_at timestamptz      not null,
    primary key (clinic_id),
    constraint directory_listing_latitude check (latitude is null or latitude between -90 and 90),
    constraint directory_listing_longitude check (longitude is null or longitude between -180 and 180),
    constraint directory_listing_coordinates check ((latitude is null) = (longitude is null)),
    constraint directory_listing_listed_needs_place check (not listed or (latitude is not null and city <> ''))
);

create index directory_listing_listed on directory_listing (listed) where listed;
