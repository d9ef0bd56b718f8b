-- A message may also carry an HTML part, one attachment (a calendar file: text) and extra headers
-- (List-Unsubscribe, RFC 8058) (issue 15). A sensitive message loses its HTML part too once sent.
alter table outbox_message add column html_body text;
alter table outbox_message add column attachment_name text;
alter table outbox_message add column attachment_type text;
alter table outbox_message add column attachment text;
alter table outbox_message add column headers jsonb not null default '{}';
alter table outbox_message add constraint outbox_message_attachment
    check ((attachment is null) = (attachment_name is null) and (attachment is null) = (attachment_type is null));
