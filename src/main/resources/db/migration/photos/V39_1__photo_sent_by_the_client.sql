-- A photo the client sends with a check-in after a visit (issue 15): through the portal it carries
-- the client's account; through the emailed check-in link there may be no account behind it (a new
-- client who booked online), so who uploaded it may be unknown. The client it shows is always known.
alter table client_photo alter column created_by drop not null;
