-- Webhooks (issue 15): the addresses a clinic registers for events, each delivery (written in the
-- transaction of the event, so none is lost; sent at least once with a stable webhook-id) and each
-- attempt (the delivery log).

create table webhook_endpoint (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    url        text        not null,
    events     jsonb       not null,
    secret     text        not null,
    created_at timestamptz not null,
    created_by uuid        not null references app_user (id),
    primary key (clinic_id, id),
    constraint webhook_url_length check (char_length(url) between 8 and 2000)
);

create table webhook_delivery (
    clinic_id       uuid        not null,
    id              uuid        not null,
    endpoint_id     uuid        not null,
    message_id      text        not null,
    event_type      text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    delivered_at    timestamptz,
    primary key (clinic_id, id),
    foreign key (clinic_id, endpoint_id) references webhook_endpoint (clinic_id, id),
    constraint webhook_delivery_status check (status in ('pending', 'delivered', 'failed'))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_endpoint on webhook_delivery (clinic_id, endpoint_id, created_at desc);

create table webhook_attempt (
    clinic_id   uuid        not null,
    delivery_id uuid        not null,
    attempt     integer     not null,
    at          timestamptz not null,
    status_code integer,
    error       text,
    primary key (clinic_id, delivery_id, attempt),
    foreign key (clinic_id, delivery_id) references webhook_delivery (clinic_id, id)
);
