-- A client whose erasure the clinic confirmed: contact details are gone, the treatment record stays
-- for as long as health-record law requires (see the portal module's erasure_request).
alter table client add column erased_at timestamptz;
