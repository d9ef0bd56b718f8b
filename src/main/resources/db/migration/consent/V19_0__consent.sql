-- Consent (module consent): the clinic's consent forms, in versions, and the signatures clients give.
-- Forms are edited by adding a version; versions, signatures and withdrawals are never changed or
-- removed (the triggers refuse it), so a signature always points at the exact text that was signed.

create table consent_settings (
    clinic_id    uuid        not null references clinic (id),
    valid_months integer     not null default 12,
    updated_at   timestamptz not null,
    primary key (clinic_id),
    constraint consent_valid_months check (valid_months between 1 and 120)
);

create table consent_form (
    clinic_id  uuid        not null references clinic (id),
    id         uuid        not null,
    created_at timestamptz not null,
    -- the catalog treatment whose default form this is (null for a form the clinic wrote itself)
    default_for text,
    primary key (clinic_id, id)
);
create unique index consent_form_default on consent_form (clinic_id, default_for) where default_for is not null;

create table consent_form_version (
    clinic_id    uuid        not null,
    form_id      uuid        not null,
    version      integer     not null,
    title        text        not null,
    treatments   text[]      not null,
    body         text        not null,
    valid_months integer     not null,
    created_at   timestamptz not null,
    created_by   uuid        references app_user (id),
    primary key (clinic_id, form_id, version),
    foreign key (clinic_id, form_id) references consent_form (clinic_id, id),
    constraint consent_version_positive check (version >= 1),
    constraint consent_version_months check (valid_months between 1 and 120),
    constraint consent_version_treats check (cardinality(treatments) >= 1)
);

create table consent_signature (
    clinic_id        uuid        not null,
    id               uuid        not null,
    form_id          uuid        not null,
    form_version     integer     not null,
    client_id        uuid        not null,
    -- the visit it was signed for; no foreign key: an upcoming appointment an erasure removes keeps its consent
    appointment_id   uuid,
    signer_name      text        not null,
    typed_signature  text        not null,
    signature_png    bytea,
    agreed           boolean     not null,
    signed_at        timestamptz not null,
    valid_until      timestamptz not null,
    ip               text,
    user_agent       text,
    document_sha256  text        not null,
    signed_by        uuid        not null references app_user (id),
    -- the staff member present when the client signed on the clinic's tablet (null: the client in the portal)
    witness_id       uuid        references app_user (id),
    primary key (clinic_id, id),
    foreign key (clinic_id, form_id, form_version) references consent_form_version (clinic_id, form_id, version),
    foreign key (clinic_id, client_id) references client (clinic_id, id),
    constraint consent_agreed check (agreed),
    constraint consent_sha256 check (document_sha256 ~ '^[0-9a-f]{64}$'),
    constraint consent_png_size check (signature_png is null or octet_length(signature_png) <= 204800)
);
create index consent_signature_client on consent_signature (clinic_id, client_id, signed_at desc);

create table consent_withdrawal (
    clinic_id    uuid        not null,
    signature_id uuid        not null,
    withdrawn_at timestamptz not null,
    withdrawn_by uuid        not null references app_user (id),
    reason       text,
    primary key (clinic_id, signature_id),
    foreign key (clinic_id, signature_id) references consent_signature (clinic_id, id)
);

create function consent_record_unchanged() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: consent evidence is never changed or removed', tg_table_name;
end
$$;
create trigger consent_form_version_append_only before update or delete on consent_form_version
    for each row execute function consent_record_unchanged();
create trigger consent_signature_append_only before update or delete on consent_signature
    for each row execute function consent_record_unchanged();
create trigger consent_withdrawal_append_only before update or delete on consent_withdrawal
    for each row execute function consent_record_unchanged();
