-- The audit log becomes tamper-evident (issue 20): each event carries a SHA-256 over its content and
-- the previous event's hash, per clinic, in the order of chain_seq (1, 2, 3, ... per clinic). The
-- trigger below computes both on insert, under a per-clinic lock, so concurrent writers form one
-- chain. AuditChain (Java) recomputes the same digest to verify: an edited, removed or reordered
-- row breaks the chain from that row on.
alter table audit_event add column chain_seq bigint;
alter table audit_event add column prev_hash bytea;
alter table audit_event add column hash bytea;

-- One field of the digest: '-' for null, else its UTF-8 length, ':' and the text (unambiguous).
create function audit_field(t text) returns text language sql immutable as $$
    select case when t is null then '-' else octet_length(convert_to(t, 'UTF8'))::text || ':' || t end
$$;

create function audit_event_digest(e audit_event, prev bytea) returns bytea language sql immutable as $$
    select sha256(convert_to(
        audit_field(e.clinic_id::text) || audit_field(e.chain_seq::text)
        || audit_field(((extract(epoch from e.at) * 1000000)::bigint)::text)
        || audit_field(e.actor_id::text) || audit_field(e.actor_role) || audit_field(e.client_id::text)
        || audit_field(e.action) || audit_field(e.resource) || audit_field(e.detail) || audit_field(e.ip)
        || audit_field(e.user_agent) || audit_field(e.path) || audit_field(e.outcome)
        || audit_field(encode(prev, 'hex')), 'UTF8'))
$$;

create function audit_event_chain() returns trigger language plpgsql as $$
declare
    last record;
begin
    perform pg_advisory_xact_lock(hashtextextended('audit-chain:' || new.clinic_id::text, 0));
    select chain_seq, hash into last from audit_event
        where clinic_id = new.clinic_id and chain_seq is not null order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.hash;
    new.hash := audit_event_digest(new, last.hash);
    return new;
end
$$;

-- Chain the events already logged, in the order they were written.
alter table audit_event disable trigger audit_event_no_update_or_delete;
do $$
declare
    r record;
    prev bytea;
    prev_clinic uuid;
    seq bigint;
    e audit_event;
begin
    for r in select clinic_id, id from audit_event order by clinic_id, id loop
        if prev_clinic is distinct from r.clinic_id then
            prev := null;
            seq := 0;
            prev_clinic := r.clinic_id;
        end if;
        seq := seq + 1;
        update audit_event set chain_seq = seq, prev_hash = prev where clinic_id = r.clinic_id and id = r.id
            returning * into e;
        prev := audit_event_digest(e, prev);
        update audit_event set hash = prev where clinic_id = r.clinic_id and id = r.id;
    end loop;
end
$$;
alter table audit_event enable trigger audit_event_no_update_or_delete;

create trigger audit_event_chained before insert on audit_event
    for each row execute function audit_event_chain();
alter table audit_event alter column chain_seq set not null;
alter table audit_event alter column hash set not null;
create unique index audit_event_chain_order on audit_event (clinic_id, chain_seq);
