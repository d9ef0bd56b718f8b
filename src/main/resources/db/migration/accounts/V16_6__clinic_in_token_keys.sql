-- Ready to distribute by clinic (issue 20): a unique key of a clinic-owned table includes clinic_id.
-- Invitation tokens are random 256-bit secrets, unique by construction; they are still found by the
-- token alone (a plain index), since the link carries no clinic.
alter table invitation drop constraint invitation_token_hash_key;
alter table invitation add constraint invitation_token unique (clinic_id, token_hash);
create index invitation_by_token on invitation (token_hash);
