-- The audit log: every read and write of a client's health data, who did it (and their role in
-- the clinic), which client, what, when and from where. Keyed by (clinic_id, id) like every
-- clinic-owned table. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for every
-- role that does not disable them; on an external PostgreSQL run the app as a role that holds only
-- INSERT and SELECT on this table (docs/audit.md), so that even disabling them is out of its reach.
-- No foreign key to client or app_user: the log outlives an erased client or a removed account.
create table audit_event (
    clinic_id  uuid        not null references clinic (id),
    id         bigint      generated always as identity,
    at         timestamptz not null,
    actor_id   uuid,
    actor_role text,
    client_id  uuid,
    action     text        not null,
    resource   text        not null,
    detail     text        not null default '',
    ip         text,
    user_agent text,
    path       text,
    outcome    text        not null default 'succeeded',
    primary key (clinic_id, id),
    constraint audit_event_action check (action in ('read', 'create', 'update', 'delete', 'export', 'erase')),
    constraint audit_event_resource check (resource ~ '^[a-z][a-z0-9-]{0,39}$'),
    constraint audit_event_role check (actor_role is null
        or actor_role in ('owner', 'admin', 'practitioner', 'front-desk', 'client')),
    constraint audit_event_outcome check (outcome in ('succeeded', 'refused')),
    constraint audit_event_sizes check (length(detail) <= 200 and length(ip) <= 45
        and length(user_agent) <= 300 and length(path) <= 300)
);
create index audit_event_by_client on audit_event (clinic_id, client_id, id desc);
create index audit_event_by_actor on audit_event (clinic_id, actor_id, id desc);
create index audit_event_by_time on audit_event (clinic_id, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

revoke update, delete, truncate, trigger on audit_event from public;
-- Default privileges may already have granted the app's role everything on a new table: take back
-- from every role but the owner the rights to change, remove or trigger on the log.
do $$
declare
    r record;
begin
    for r in select distinct a.grantee::regrole::text as grantee
             from pg_class c, aclexplode(c.relacl) a
             where c.oid = 'audit_event'::regclass and a.grantee <> c.relowner and a.grantee <> 0
               and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER')
    loop
        execute format('revoke update, delete, truncate, trigger on audit_event from %s', r.grantee);
    end loop;
end
$$;
