-- Booking: a client's own sign-in (a client books and cancels only their own appointments), and an
-- index for the busy times an availability search reads (active appointments overlapping a window).
alter table client add column user_id uuid references app_user (id);
create unique index client_user on client (clinic_id, user_id) where user_id is not null;

create index appointment_active_blocked on appointment using gist (clinic_id, blocked)
    where status in ('booked', 'checked-in', 'completed');
create index appointment_device_active_blocked on appointment_device using gist (clinic_id, blocked)
    where active;
