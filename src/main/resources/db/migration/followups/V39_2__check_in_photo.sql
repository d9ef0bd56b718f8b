-- A check-in may carry one photo of the treated skin (issue 15: "a photo optional"), kept as the
-- client's photo (encrypted, metadata removed) and shown to the practitioner with the escalation.
-- Set when the check-in is written: check_in stays append-only.
alter table check_in add column photo_id uuid;
alter table check_in add constraint check_in_photo foreign key (clinic_id, photo_id) references client_photo (clinic_id, id);
