-- Photo consent (issue 16): the client's two separate choices, given with the signature. Both empty:
-- the form did not ask (signatures before this migration, or an integrator that left them out).
-- Marketing use is a use of a record photo, so it cannot be chosen without the record.
alter table consent_signature
    add column photos_record    boolean,
    add column photos_marketing boolean,
    add constraint consent_photos_both_or_neither check ((photos_record is null) = (photos_marketing is null)),
    add constraint consent_photos_marketing_needs_record check (photos_marketing is not true or photos_record);
