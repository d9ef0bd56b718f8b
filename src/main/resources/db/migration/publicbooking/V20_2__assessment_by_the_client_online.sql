-- A new client's short intake on the clinic's public booking page is recorded before the client has
-- an account: recorded by nobody who signs in (null), which the pages show as "the client, online".
alter table client_assessment alter column recorded_by drop not null;
