#!/usr/bin/env bash
# Cost of a 31-day availability search against the clinic's history: the demo clinic of bench/scheduling-seed.sql
# (30 estheticians, 30 rooms, about 3,700 appointments in the next 31 days) with 10k, 100k and 1M completed
# appointments in the past (filled by SQL, 12 a day per practitioner going back in time), each step measured with
# one client (wrk -t1 -c1) asking a different search each time (bench/history.lua: practitioner x first day,
# so that no answer is reused), and the busy-times statement shown with EXPLAIN (ANALYZE, BUFFERS).
# Target: p50 at 1M at most 1.5 x p50 at 10k.
# Usage: ./mvnw -q package -DskipTests && bench/history-cost.sh        STEPS="10000 100000 1000000" DURATION=20s
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-20s}
steps=${STEPS:-10000 100000 1000000}
source bench/scheduling-server.sh
clinic=$(psql -Atq "$db" -c "select id from clinic where slug = 'demo'")
froms="" tos=""
for i in $(seq 1 40); do
  froms="$froms${froms:+,}$(date -u -d "today + $i days" +%F)"
  tos="$tos${tos:+,}$(date -u -d "today + $((i + 30)) days" +%F)"
done
export FROMS=$froms TOS=$tos PATH_BASE="/api/v1/clinics/demo/availability?treatment=extraction-facial"
url="http://localhost:$port$PATH_BASE"
filled=0
printf '%-10s %9s %9s %9s %9s %s\n' history "req/s" p50_ms p90_ms p99_ms "busy statement (EXPLAIN ANALYZE)"
for target in $steps; do
  # completed appointments before today: practitioner p, k-th hour back in time (12 a day from 08:00)
  psql -q -v ON_ERROR_STOP=1 "$db" <<SQL >/dev/null
insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at, ends_at, blocked,
                         status, created_at, updated_at)
select '$clinic', gen_random_uuid(),
       ('00000000-0000-0000-0004-' || lpad(((k * 30 + p) % 2000)::text, 12, '0'))::uuid, 'deep-pore-cleansing',
       ('00000000-0000-0000-0001-' || lpad(p::text, 12, '0'))::uuid,
       ('00000000-0000-0000-0002-' || lpad(p::text, 12, '0'))::uuid, s, s + interval '1 hour',
       tstzrange(s, s + interval '1 hour'), 'completed', s, s
from generate_series($filled / 30, $target / 30 - 1) k, generate_series(1, 30) p,
     lateral (select (current_date - 1 - (k / 12) + time '08:00' + (k % 12) * interval '1 hour')
                     at time zone 'America/Los_Angeles' as s) t;
vacuum analyze appointment;
SQL
  filled=$target
  past=$(psql -Atq "$db" -c "select count(*) from appointment where clinic_id = '$clinic' and starts_at < current_date")
  from=$(date -u -d "today + 1 day" +%F)
  plan=$(psql -Atq "$db" <<SQL
explain (analyze, buffers, costs off, summary on)
select 0 as kind, practitioner_id as a, room_id as b, lower(blocked) as s, upper(blocked) as e
from appointment
where clinic_id = '$clinic'
  and (status in ('booked', 'checked-in', 'completed') or (status = 'held' and hold_expires_at > now()))
  and starts_at > cast('$from' as timestamptz) - interval '2 days' and starts_at < cast('$from' as timestamptz) + interval '33 days'
  and blocked && tstzrange(cast('$from' as timestamptz) - interval '1 day', cast('$from' as timestamptz) + interval '32 days')
  and id <> '00000000-0000-0000-0000-000000000000';
SQL
)
  wrk -t1 -c1 -d5s -s bench/history.lua "$url" >/dev/null
  line=$(wrk -t1 -c1 -d"$duration" --latency -s bench/history.lua "$url" | grep '^RESULT')
  v() { sed "s/.*$1=\([^ ]*\).*/\1/" <<<"$line"; }
  [ "$(v errors)" = 0 ] || { echo "failed requests at $past: $line" >&2; exit 1; }
  printf '%-10s %9s %9s %9s %9s %s\n' "$past" "$(v rps)" "$(v p50)" "$(v p90)" "$(v p99)" \
    "$(grep -m1 -o 'Index[^(]*' <<<"$plan" | head -1| sed 's/ *$//'); $(grep -o 'Execution Time: .*' <<<"$plan")"
  echo "$plan" > "${PLANS:-/tmp}/history-plan-$past.txt"
done
echo "2-core machine; load average now $(cut -d' ' -f1-3 /proc/loadavg); plans in ${PLANS:-/tmp}/history-plan-*.txt"
