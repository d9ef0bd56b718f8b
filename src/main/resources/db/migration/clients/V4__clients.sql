-- A clinic's clients: the people it treats. Keyed by (clinic_id, id) like every clinic-owned table,
-- so that no query can reach a client without naming the clinic.
create table client (
    clinic_id     uuid        not null references clinic (id),
    id            uuid        not null,
    first_name    text        not null,
    last_name     text        not null,
    email         text,
    phone         text,
    date_of_birth date,
    created_at    timestamptz not null,
    primary key (clinic_id, id),
    constraint client_names_given check (length(btrim(first_name)) between 1 and 100
                                         and length(btrim(last_name)) between 1 and 100),
    constraint client_born_after_1900 check (date_of_birth >= date '1900-01-01')
);
create index client_by_name on client (clinic_id, lower(last_name), lower(first_name));

-- Each assessment a client gave, as the JSON the assessment parser reads. The history is kept
-- whole: a new assessment is a new row, and no row is ever changed (the trigger refuses it).
create table client_assessment (
    clinic_id   uuid        not null,
    client_id   uuid        not null,
    id          uuid        not null,
    recorded_at timestamptz not null,
    recorded_by uuid        not null references app_user (id),
    assessment  jsonb       not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint client_assessment_is_object check (jsonb_typeof(assessment) = 'object')
);
create index client_assessment_history on client_assessment (clinic_id, client_id, recorded_at desc);

create function client_assessment_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'client_assessment is append-only: record a new assessment instead of changing one';
end
$$;
create trigger client_assessment_append_only before update on client_assessment
    for each row execute function client_assessment_unchanged();
