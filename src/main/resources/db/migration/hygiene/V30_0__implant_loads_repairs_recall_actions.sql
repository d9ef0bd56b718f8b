-- Instrument hygiene, second step (issue 14): a cycle may carry an implantable (its packages wait for
-- that cycle's own spore test, AAMI ST79), a sterilizer's repairs (a spore test is due after one), and
-- the actions a clinic records while working through a recall (who was called, what was done).
-- Append-only like the rest of the module.

alter table sterilization_cycle add column implant_load boolean not null default false;

create table sterilizer_repair (
    clinic_id     uuid        not null,
    id            uuid        not null,
    sterilizer_id uuid        not null,
    repaired_at   timestamptz not null,
    note          text        not null,
    recorded_at   timestamptz not null,
    recorded_by   uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, sterilizer_id) references sterilizer (clinic_id, id)
);
create index sterilizer_repair_latest on sterilizer_repair (clinic_id, sterilizer_id, repaired_at desc);

create table recall_action (
    clinic_id     uuid        not null,
    id            uuid        not null,
    spore_test_id uuid        not null,
    client_id     uuid,
    action        text        not null,
    note          text        not null,
    at            timestamptz not null,
    recorded_by   uuid        not null references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, spore_test_id) references spore_test (clinic_id, id),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint recall_action_kind check (action in ('notified', 'no-answer', 'seen-in-clinic', 'referred', 'closed'))
);
create index recall_action_test on recall_action (clinic_id, spore_test_id, at);

create trigger sterilizer_repair_append_only before update or delete on sterilizer_repair
    for each row execute function hygiene_append_only();
create trigger recall_action_append_only before update or delete on recall_action
    for each row execute function hygiene_append_only();
