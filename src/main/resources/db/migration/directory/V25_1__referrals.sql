-- Referral links a client shares ("recommendations from friends, family"), and the public bookings
-- made through one. A code belongs to one client of one clinic; an attribution is written once.

create table referral_code (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    client_id  uuid        not null,
    code       text        not null,
    created_at timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint referral_code_client unique (clinic_id, client_id),
    constraint referral_code_code unique (clinic_id, code),
    constraint referral_code_shape check (code ~ '^[a-z0-9]{10}$')
);

create table referral_booking (
    clinic_id      uuid        not null references clinic (id),
    appointment_id uuid        not null,
    referral_id    uuid        not null,
    created_at     timestamptz not null,
    primary key (clinic_id, appointment_id),
    foreign key (clinic_id, referral_id) references referral_code (clinic_id, id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id)
);

create function referral_booking_unchanged() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: an attribution is never changed or removed', tg_table_name;
end
$$;
create trigger referral_booking_append_only before update or delete on referral_booking
    for each row execute function referral_booking_unchanged();
