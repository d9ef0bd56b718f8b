-- Reviews from real visits: one per completed appointment, written by its client within 90 days of
-- completion. The clinic may reply once; nobody at the clinic can change, delete, hide or reorder a
-- review (the triggers refuse any update or delete). Reports of abuse go to the platform reviewer,
-- who alone may hide a review, with a recorded reason (review_hide).

create table review (
    clinic_id        uuid        not null references clinic (id),
    id               uuid        not null,
    appointment_id   uuid        not null,
    client_id        uuid        not null,
    author_user_id   uuid        not null references app_user (id),
    rating           integer     not null,
    text             text        not null,
    treatment_code   text,
    practitioner_id  uuid,
    visit_completed_at timestamptz not null,
    created_at       timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, appointment_id) references appointment (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint review_once_per_visit unique (clinic_id, appointment_id),
    constraint review_rating check (rating between 1 and 5),
    constraint review_text_length check (char_length(text) <= 2000)
);

create index review_by_clinic on review (clinic_id, created_at desc);

create table review_reply (
    clinic_id  uuid        not null references clinic (id),
    review_id  uuid        not null,
    text       text        not null,
    by_user    uuid        not null references app_user (id),
    created_at timestamptz not null,
    primary key (clinic_id, review_id),
    foreign key (clinic_id, review_id) references review (clinic_id, id),
    constraint review_reply_text_length check (char_length(text) between 1 and 2000)
);

create table review_report (
    clinic_id   uuid        not null references clinic (id),
    id          uuid        not null,
    review_id   uuid        not null,
    reported_by uuid        not null references app_user (id),
    reason      text        not null,
    created_at  timestamptz not null,
    primary key (clinic_id, id),
    foreign key (clinic_id, review_id) references review (clinic_id, id),
    constraint review_report_reason_length check (char_length(reason) between 1 and 2000)
);

-- written only by the platform reviewer (a Clearskin operator, not clinic staff), with the reason
create table review_hide (
    clinic_id  uuid        not null references clinic (id),
    review_id  uuid        not null,
    reason     text        not null,
    by_user    uuid        not null references app_user (id),
    created_at timestamptz not null,
    primary key (clinic_id, review_id),
    foreign key (clinic_id, review_id) references review (clinic_id, id),
    constraint review_hide_reason check (char_length(reason) between 1 and 2000)
);

create function review_record_unchanged() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: reviews, replies, reports and hidings are never changed or removed', tg_table_name;
end
$$;
create trigger review_append_only before update or delete on review
    for each row execute function review_record_unchanged();
create trigger review_reply_append_only before update or delete on review_reply
    for each row execute function review_record_unchanged();
create trigger review_report_append_only before update or delete on review_report
    for each row execute function review_record_unchanged();
create trigger review_hide_append_only before update or delete on review_hide
    for each row execute function review_record_unchanged();
