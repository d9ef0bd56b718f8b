-- A kept 201 keeps its Location too, so that a replay answers exactly as the first response did
-- (issue 11: the Idempotency-Key handling is done once, in platform, for every POST that wants it).
alter table idempotent_request add column response_location text;
