-- Calendar feeds are listed per practitioner or client; a feed names who made it for the page.
create index calendar_feed_subject on calendar_feed (clinic_id, subject_kind, subject_id, created_at);
