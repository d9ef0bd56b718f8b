#!/usr/bin/env bash
# The scaling simulation of docs/scaling.md: many clinics with a year of appointments each in one database.
# Clinics sim-1 .. sim-N (N = CLINICS, default 1000) are written by SQL: UTC, open 09:00-17:00 every day, one
# esthetician, one facial room, deep-pore-cleansing (60 min) bookable, the default catalog copied from the demo
# clinic, and PER_DAY (default 4) booked or completed one-hour appointments a day from 182 days ago to 182 days
# ahead (a year). First only sim-1 exists: its 31-day availability is measured (one client, a different first day
# each request, so no answer is reused); then the other clinics are added and sim-1 is measured again, then
# 40 clinics taken across the range, and the busy-times statement of one clinic is shown with EXPLAIN.
# Usage: ./mvnw -q package -DskipTests && bench/many-clinics.sh        CLINICS=1000 PER_DAY=4 DURATION=20s
set -euo pipefail
cd "$(dirname "$0")/.."
n=${CLINICS:-1000}
per_day=${PER_DAY:-4}
duration=${DURATION:-20s}
source bench/scheduling-server.sh
demo=$(psql -Atq "$db" -c "select id from clinic where slug = 'demo'")
cols=$(psql -Atq "$db" -c "select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns
  where table_schema = 'public' and table_name = 'clinic_treatment'")
sel=$(tr ',' '\n' <<<"$cols" | sed 's/^clinic_id$/c.id/; t; s/^/t./' | paste -sd,)

add_clinics() { # first last: clinics sim-first .. sim-last with their year of appointments
  psql -q -v ON_ERROR_STOP=1 "$db" <<SQL >/dev/null
insert into clinic (id, slug, name, time_zone, currency, created_at)
select ('00000000-0000-0000-00cc-' || lpad(i::text, 12, '0'))::uuid, 'sim-' || i, 'Simulated Clinic ' || i, 'UTC', 'USD', now()
from generate_series($1, $2) i;
create temporary table sim as select id, slug from clinic where slug ~ '^sim-[0-9]+$'
  and substring(slug from 5)::int between $1 and $2;
insert into clinic_treatment ($cols) select $sel from clinic_treatment t, sim c where t.clinic_id = '$demo';
insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days, client_cancel_hours, updated_at)
select id, 15, 0, 92, 24, now() from sim;
insert into opening_hours (clinic_id, weekday, opens, closes) select id, d, '09:00', '17:00' from sim, generate_series(1, 7) d;
insert into practitioner (clinic_id, id, display_name, qualification, created_at)
select id, id, 'Esthetician', 'esthetician', now() from sim;
insert into practitioner_shift (clinic_id, practitioner_id, weekday, starts, ends)
select id, id, d, '09:00', '17:00' from sim, generate_series(1, 7) d;
insert into room (clinic_id, id, name, capabilities, created_at) select id, id, 'Room', '{facial-bed}', now() from sim;
insert into treatment_requirement (clinic_id, treatment_code, room_capabilities, device_types, buffer_before_minutes,
                                   buffer_after_minutes)
select id, 'deep-pore-cleansing', '{facial-bed}', '{}', 0, 0 from sim
on conflict (clinic_id, treatment_code) do update set bookable = true;
insert into client (clinic_id, id, first_name, last_name, created_at)
select id, ('00000000-0000-0000-00cd-' || lpad(k::text, 12, '0'))::uuid, 'Sim', 'Client ' || k, now()
from sim, generate_series(0, 99) k;
insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at, ends_at, blocked,
                         status, created_at, updated_at)
select c.id, gen_random_uuid(), ('00000000-0000-0000-00cd-' || lpad((((d + 182) * $per_day + h) % 100)::text, 12, '0'))::uuid,
       'deep-pore-cleansing', c.id, c.id, s, s + interval '1 hour', tstzrange(s, s + interval '1 hour'),
       case when s < now() then 'completed' else 'booked' end, now(), now()
from sim c, generate_series(-182, 182) d, generate_series(0, $per_day - 1) h,
     lateral (select current_date + d + time '09:00' + (h * 2) * interval '1 hour' + interval '0 hour' as s0) t0,
     lateral (select t0.s0 at time zone 'UTC' as s) t;
drop table sim;
vacuum analyze;
SQL
}

froms="" tos=""
for i in $(seq 1 40); do
  froms="$froms${froms:+,}$(date -u -d "today + $i days" +%F)"
  tos="$tos${tos:+,}$(date -u -d "today + $((i + 30)) days" +%F)"
done
export FROMS=$froms TOS=$tos TREATMENT=deep-pore-cleansing
url="http://localhost:$port/"
measure() { # label slugs
  export SLUGS=$2
  wrk -t1 -c1 -d5s -s bench/clinics.lua "$url" >/dev/null
  line=$(wrk -t1 -c1 -d"$duration" --latency -s bench/clinics.lua "$url" | grep '^RESULT')
  v() { sed "s/.*$1=\([^ ]*\).*/\1/" <<<"$line"; }
  [ "$(v errors)" = 0 ] || { echo "failed requests ($1): $line" >&2; exit 1; }
  printf '%-44s %9s %9s %9s %9s\n' "$1" "$(v rps)" "$(v p50)" "$(v p90)" "$(v p99)"
}
explain() {
  psql -Atq "$db" <<SQL
explain (analyze, buffers, costs off)
select 0 as kind, practitioner_id as a, room_id as b, lower(blocked) as s, upper(blocked) as e
from appointment
where clinic_id = '00000000-0000-0000-00cc-000000000001'
  and (status in ('booked', 'checked-in', 'completed') or (status = 'held' and hold_expires_at > now()))
  and starts_at > current_date - interval '1 day' and starts_at < current_date + interval '34 days'
  and blocked && tstzrange(current_date, current_date + interval '33 days')
  and id <> '00000000-0000-0000-0000-000000000000';
SQL
}
add_clinics 1 1
printf '%-44s %9s %9s %9s %9s\n' measured "req/s" p50_ms p90_ms p99_ms
measure "sim-1 alone ($(psql -Atq "$db" -c "select count(*) from appointment where clinic_id = '00000000-0000-0000-00cc-000000000001'") appointments)" sim-1
explain > "${PLANS:-/tmp}/many-clinics-plan-1.txt"
t0=$(date +%s)
add_clinics 2 "$n"
total=$(psql -Atq "$db" -c "select count(*) from appointment")
echo "added clinics 2..$n in $(( $(date +%s) - t0 )) s: $total appointments in the database"
measure "sim-1 among $n clinics" sim-1
sample=$(for i in $(seq 1 40); do echo "sim-$(( (i * n / 40) ))"; done | paste -sd,)
measure "40 clinics across sim-25..sim-$n, in turn" "$sample"
explain > "${PLANS:-/tmp}/many-clinics-plan-$n.txt"
echo "busy statement of sim-1 among $n clinics:"; cat "${PLANS:-/tmp}/many-clinics-plan-$n.txt"
echo "2-core machine; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
