-- Instrument hygiene (module hygiene, issue 14): sterilizers, instrument sets, sterilization cycles and
-- the packages they produce, spore tests, recalls and what each session used. Every table is
-- append-only (a correction is a new entry referring to the old): the database refuses UPDATE and
-- DELETE. A sterilizer's in-service state is the latest of its status events.

create table sterilizer (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    name       text        not null,
    kind       text        not null,
    serial     text        not null,
    created_at timestamptz not null,
    created_by uuid        not null references app_user (id),
    primary key (clinic_id, id),
    constraint sterilizer_kind check (kind in ('steam-gravity', 'steam-prevacuum', 'dry-heat'))
);

create table sterilizer_status (
    clinic_id     uuid        not null,
    id            uuid        not null,
    sterilizer_id uuid        not null,
    in_service    boolean     not null,
    reason        text        not null,
    spore_test_id uuid,
    at            timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, sterilizer_id) references sterilizer (clinic_id, id)
);
create index sterilizer_status_latest on sterilizer_status (clinic_id, sterilizer_id, at desc);

create table instrument_set (
    clinic_id   uuid        not null references clinic (id),
    id          uuid        not null,
    name        text        not null,
    instruments jsonb       not null,
    created_at  timestamptz not null,
    created_by  uuid        not null references app_user (id),
    primary key (clinic_id, id)
);

create table sterilization_cycle (
    clinic_id          uuid        not null,
    id                 uuid        not null,
    sterilizer_id      uuid        not null,
    operator           text        not null,
    started_at         timestamptz not null,
    temperature_c      numeric(5, 1) not null,
    exposure_minutes   integer     not null,
    drying_minutes     integer     not null,
    chemical_indicator text        not null,
    status             text        not null,
    reasons            jsonb       not null,
    recorded_at        timestamptz not null,
    recorded_by        uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, sterilizer_id) references sterilizer (clinic_id, id),
    constraint cycle_temperature check (temperature_c between 0 and 300),
    constraint cycle_minutes check (exposure_minutes between 0 and 600 and drying_minutes between 0 and 600),
    constraint cycle_indicator check (chemical_indicator in ('pass', 'fail')),
    constraint cycle_status check (status in ('passed', 'failed'))
);
create index sterilization_cycle_started on sterilization_cycle (clinic_id, started_at desc);

create table sterile_package (
    clinic_id uuid not null,
    id        uuid not null,
    cycle_id  uuid not null,
    set_id    uuid,
    code      text not null,
    expires   date,
    primary key (clinic_id, id),
    unique (clinic_id, code),
    foreign key (clinic_id, cycle_id) references sterilization_cycle (clinic_id, id),
    foreign key (clinic_id, set_id) references instrument_set (clinic_id, id)
);
create index sterile_package_cycle on sterile_package (clinic_id, cycle_id);

create table spore_test (
    clinic_id     uuid        not null,
    id            uuid        not null,
    sterilizer_id uuid        not null,
    cycle_id      uuid,
    result        text        not null,
    read_at       timestamptz not null,
    recorded_at   timestamptz not null,
    recorded_by   uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, sterilizer_id) references sterilizer (clinic_id, id),
    foreign key (clinic_id, cycle_id) references sterilization_cycle (clinic_id, id),
    constraint spore_test_result check (result in ('pass', 'fail'))
);
create index spore_test_sterilizer on spore_test (clinic_id, sterilizer_id, read_at desc);

alter table sterilizer_status add foreign key (clinic_id, spore_test_id) references spore_test (clinic_id, id);

-- A package recalled by a failed spore test (every package processed since the last pass).
create table package_recall (
    clinic_id     uuid        not null,
    package_id    uuid        not null,
    spore_test_id uuid        not null,
    at            timestamptz not null,
    primary key (clinic_id, package_id, spore_test_id),
    foreign key (clinic_id, package_id) references sterile_package (clinic_id, id),
    foreign key (clinic_id, spore_test_id) references spore_test (clinic_id, id)
);
create index package_recall_test on package_recall (clinic_id, spore_test_id);

-- What a session used: a sterile package (opened once: unique) or a single-use product and lot.
create table package_use (
    clinic_id   uuid        not null,
    id          uuid        not null,
    session_id  uuid        not null,
    package_id  uuid,
    product     text,
    lot         text,
    recorded_at timestamptz not null,
    recorded_by uuid        not null references app_user (id),
    primary key (clinic_id, id),
    unique (clinic_id, package_id),
    foreign key (clinic_id, session_id) references treatment_session (clinic_id, id),
    foreign key (clinic_id, package_id) references sterile_package (clinic_id, id),
    constraint package_use_what check ((package_id is not null) <> (product is not null and lot is not null))
);
create index package_use_session on package_use (clinic_id, session_id);

create function hygiene_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: record a new entry referring to the old one instead', tg_table_name;
end
$$;
create trigger sterilizer_append_only before update or delete on sterilizer
    for each row execute function hygiene_append_only();
create trigger sterilizer_status_append_only before update or delete on sterilizer_status
    for each row execute function hygiene_append_only();
create trigger instrument_set_append_only before update or delete on instrument_set
    for each row execute function hygiene_append_only();
create trigger sterilization_cycle_append_only before update or delete on sterilization_cycle
    for each row execute function hygiene_append_only();
create trigger sterile_package_append_only before update or delete on sterile_package
    for each row execute function hygiene_append_only();
create trigger spore_test_append_only before update or delete on spore_test
    for each row execute function hygiene_append_only();
create trigger package_recall_append_only before update or delete on package_recall
    for each row execute function hygiene_append_only();
create trigger package_use_append_only before update or delete on package_use
    for each row execute function hygiene_append_only();
