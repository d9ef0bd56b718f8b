-- Treatment sessions (module sessions): the visit as it happens and its signed clinical record.
-- A session is started once per appointment; its steps are copied from the clinic's protocol at that
-- moment; the chart is written until the practitioner signs. Once signed the database refuses every
-- change to the record except the co-signature it awaits; corrections are addenda, which are never
-- changed or removed.

create table session_settings (
    clinic_id           uuid        not null references clinic (id),
    -- the clinic's medical director: the physician who co-signs sessions that need medical oversight
    medical_director_id uuid,
    updated_at          timestamptz not null,
    primary key (clinic_id),
    foreign key (clinic_id, medical_director_id) references practitioner (clinic_id, id)
);

create table treatment_session (
    clinic_id        uuid        not null,
    id               uuid        not null,
    appointment_id   uuid        not null,
    client_id        uuid        not null,
    treatment        text        not null,
    practitioner_id  uuid,
    started_at       timestamptz not null,
    started_by       uuid        not null references app_user (id),
    safety           jsonb       not null,
    consent_id       uuid        not null,
    -- the oversight the treatment's qualification needs in the clinic's jurisdiction: null, nurse or physician
    oversight        text,
    chart            jsonb,
    chart_updated_at timestamptz,
    chart_updated_by uuid        references app_user (id),
    signed_at        timestamptz,
    signed_by        uuid        references app_user (id),
    cosigned_at      timestamptz,
    cosigned_by      uuid        references app_user (id),
    primary key (clinic_id, id),
    unique (clinic_id, appointment_id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    foreign key (clinic_id, consent_id) references consent_signature (clinic_id, id),
    constraint session_oversight check (oversight is null or oversight in ('nurse', 'physician')),
    constraint session_signed check ((signed_at is null) = (signed_by is null)),
    constraint session_cosigned check ((cosigned_at is null) = (cosigned_by is null)),
    constraint session_cosign_after_sign check (cosigned_at is null or (signed_at is not null and oversight is not null))
);
create index treatment_session_client on treatment_session (clinic_id, client_id, started_at desc);
create index treatment_session_cosign_queue on treatment_session (clinic_id, signed_at)
    where oversight is not null and signed_at is not null and cosigned_at is null;

create table session_step (
    clinic_id    uuid        not null,
    session_id   uuid        not null,
    step_order   integer     not null,
    name         text        not null,
    description  text,
    min_minutes  integer,
    max_minutes  integer,
    started_at   timestamptz,
    started_by   uuid        references app_user (id),
    completed_at timestamptz,
    completed_by uuid        references app_user (id),
    notes        text,
    primary key (clinic_id, session_id, step_order),
    foreign key (clinic_id, session_id) references treatment_session (clinic_id, id),
    constraint session_step_completed_after_start check (completed_at is null or started_at is not null)
);

create table session_addendum (
    clinic_id  uuid        not null,
    id         uuid        not null,
    session_id uuid        not null,
    author     uuid        not null references app_user (id),
    created_at timestamptz not null,
    body       text        not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, session_id) references treatment_session (clinic_id, id)
);
create index session_addendum_session on session_addendum (clinic_id, session_id, created_at);

-- A signed record is locked: only the awaited co-signature may still be added, once.
create function treatment_session_locked() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'treatment_session is a clinical record: it is never deleted';
    end if;
    if old.signed_at is not null then
        if old.cosigned_at is null and new.cosigned_at is not null
           and row(new.clinic_id, new.id, new.appointment_id, new.client_id, new.treatment, new.practitioner_id,
                   new.started_at, new.started_by, new.safety, new.consent_id, new.oversight, new.chart,
                   new.chart_updated_at, new.chart_updated_by, new.signed_at, new.signed_by)
               is not distinct from
               row(old.clinic_id, old.id, old.appointment_id, old.client_id, old.treatment, old.practitioner_id,
                   old.started_at, old.started_by, old.safety, old.consent_id, old.oversight, old.chart,
                   old.chart_updated_at, old.chart_updated_by, old.signed_at, old.signed_by) then
            return new;
        end if;
        raise exception 'treatment_session % is signed: the record cannot change; add an addendum instead', old.id;
    end if;
    return new;
end
$$;
create trigger treatment_session_signed_is_locked before update or delete on treatment_session
    for each row execute function treatment_session_locked();

create function session_step_locked() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'session_step is part of a clinical record: it is never deleted';
    end if;
    if exists (select 1 from treatment_session s
               where s.clinic_id = old.clinic_id and s.id = old.session_id and s.signed_at is not null) then
        raise exception 'the session of this step is signed: the record cannot change; add an addendum instead';
    end if;
    return new;
end
$$;
create trigger session_step_signed_is_locked before update or delete on session_step
    for each row execute function session_step_locked();

create function session_addendum_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'session_addendum is append-only: add another addendum instead';
end
$$;
create trigger session_addendum_append_only before update or delete on session_addendum
    for each row execute function session_addendum_unchanged();
