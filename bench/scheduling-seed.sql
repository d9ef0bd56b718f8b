-- Scheduling data for the load tests, in the demo clinic (America/Los_Angeles): booking settings,
-- hours 08:00-20:00 every day, 30 estheticians with their own shifts and 30 facial rooms, 4 steamers,
-- what extraction-facial (steamer, 15 minutes of cleaning) and deep-pore-cleansing (nothing extra)
-- need, 2,000 clients, and about 3,700 booked appointments over the next 31 days.
-- Usage: psql -v ON_ERROR_STOP=1 -f bench/scheduling-seed.sql <url>
\set clinic '(select id from clinic where slug = ''demo'')'
insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days, client_cancel_hours, updated_at)
values (:clinic, 15, 0, 92, 24, now())
on conflict (clinic_id) do update set slot_minutes = 15, min_notice_minutes = 0, horizon_days = 92,
    revision = clinic_schedule.revision + 1;
insert into opening_hours (clinic_id, weekday, opens, closes)
select :clinic, d, '08:00', '20:00' from generate_series(1, 7) d on conflict do nothing;
insert into practitioner (clinic_id, id, display_name, qualification, created_at)
select :clinic, ('00000000-0000-0000-0001-' || lpad(p::text, 12, '0'))::uuid, 'Bench Esthetician ' || p, 'esthetician',
       now() + p * interval '1 millisecond'
from generate_series(1, 30) p on conflict do nothing;
insert into practitioner_shift (clinic_id, practitioner_id, weekday, starts, ends)
select :clinic, ('00000000-0000-0000-0001-' || lpad(p::text, 12, '0'))::uuid, d, '08:00', '20:00'
from generate_series(1, 30) p, generate_series(1, 7) d on conflict do nothing;
insert into room (clinic_id, id, name, capabilities, created_at)
select :clinic, ('00000000-0000-0000-0002-' || lpad(r::text, 12, '0'))::uuid, 'Bench Room ' || r, '{facial-bed}',
       now() + r * interval '1 millisecond'
from generate_series(1, 30) r on conflict do nothing;
insert into device (clinic_id, id, name, device_type, created_at)
select :clinic, ('00000000-0000-0000-0003-' || lpad(d::text, 12, '0'))::uuid, 'Bench Steamer ' || d, 'steamer', now()
from generate_series(1, 4) d on conflict do nothing;
insert into treatment_requirement (clinic_id, treatment_code, room_capabilities, device_types, buffer_before_minutes,
                                   buffer_after_minutes)
values (:clinic, 'extraction-facial', '{facial-bed}', '{steamer}', 0, 15),
       (:clinic, 'deep-pore-cleansing', '{facial-bed}', '{}', 0, 0)
on conflict (clinic_id, treatment_code) do update set bookable = true, room_capabilities = excluded.room_capabilities,
    device_types = excluded.device_types, buffer_before_minutes = excluded.buffer_before_minutes,
    buffer_after_minutes = excluded.buffer_after_minutes;
insert into client (clinic_id, id, first_name, last_name, created_at)
select :clinic, ('00000000-0000-0000-0004-' || lpad(c::text, 12, '0'))::uuid, 'Bench', 'Client ' || c, now()
from generate_series(0, 1999) c on conflict do nothing;
-- the booking load test's own clients, each booked at most once (so no cadence rule meets an earlier booking)
insert into client (clinic_id, id, first_name, last_name, created_at)
select :clinic, ('00000000-0000-0000-0005-' || lpad(c::text, 12, '0'))::uuid, 'Load', 'Client ' || c, now()
from generate_series(0, 39999) c on conflict do nothing;
-- every practitioner, in their own room, busy one hour in three (from tomorrow, 31 days)
insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at, ends_at, blocked,
                         status, created_at, updated_at)
select :clinic, gen_random_uuid(), ('00000000-0000-0000-0004-' || lpad((((p * 31 + d) * 12 + h) % 2000)::text, 12, '0'))::uuid,
       'deep-pore-cleansing', ('00000000-0000-0000-0001-' || lpad(p::text, 12, '0'))::uuid,
       ('00000000-0000-0000-0002-' || lpad(p::text, 12, '0'))::uuid, s, s + interval '1 hour',
       tstzrange(s, s + interval '1 hour'), 'booked', now(), now()
from generate_series(1, 30) p, generate_series(1, 31) d, generate_series(0, 11) h,
     lateral (select ((current_date + d + time '08:00' + h * interval '1 hour')
                      at time zone 'America/Los_Angeles') as s) t
where (p + d + h) % 3 = 0;
