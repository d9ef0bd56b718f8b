-- Ready to distribute by clinic (issue 20): a unique key of a clinic-owned table includes clinic_id.
-- Feed tokens are random 256-bit secrets, unique by construction; a feed is still found by its token
-- alone (a plain index), since its address carries no clinic.
alter table calendar_feed drop constraint calendar_feed_token_hash_key;
alter table calendar_feed add constraint calendar_feed_token unique (clinic_id, token_hash);
create index calendar_feed_by_token on calendar_feed (token_hash);
