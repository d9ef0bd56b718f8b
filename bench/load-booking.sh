#!/usr/bin/env bash
# Bookings per second through POST /api/v1/clinics/demo/appointments on the packaged app, localhost
# only: each request books its own practitioner, client and hour (bench/booking.lua), so a 201 is
# expected for every one; afterwards SQL counts the bookings and the overlaps (must be 0).
# Usage: ./mvnw -q package -DskipTests && bench/load-booking.sh
#        DURATION=20s THREADS=2 CONNECTIONS=16 bench/load-booking.sh
# Target: at least 300 bookings/s with zero overlaps.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-20s}
source bench/scheduling-server.sh
export BENCH_TOKEN=$token BENCH_THREADS=$threads
export BENCH_FIRST_DAY=$(date -u -d "tomorrow + 32 days" +%F)
count() {
  psql -At "$db" -c "select count(*) from appointment a join clinic c on c.id = a.clinic_id
                     where c.slug = 'demo' and a.treatment_code = 'deep-pore-cleansing'
                       and a.starts_at >= date '$BENCH_FIRST_DAY'"
}
# warm-up: a few hundred bookings on days the run does not use
BENCH_FIRST_DAY=$(date -u -d "tomorrow + 1 days" +%F) BENCH_DAYS=31 BENCH_CLIENT_OFFSET=20000 \
  wrk -t"$threads" -c"$connections" -d5s -s bench/booking.lua "$base/appointments" >/dev/null || true
echo "run: wrk -t$threads -c$connections -d$duration --latency -s bench/booking.lua $base/appointments"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/booking.lua "$base/appointments"
echo "bookings written in the run: $(count)"
echo "overlapping pairs of active appointments (practitioner, room or device): $(psql -At "$db" -c "
  select (select count(*) from appointment a join appointment b on a.clinic_id = b.clinic_id and a.id < b.id
            and a.blocked && b.blocked and (a.practitioner_id = b.practitioner_id or a.room_id = b.room_id)
          where a.status in ('booked', 'checked-in', 'completed') and b.status in ('booked', 'checked-in', 'completed'))
       + (select count(*) from appointment_device a join appointment_device b on a.clinic_id = b.clinic_id
            and a.device_id = b.device_id and a.appointment_id < b.appointment_id and a.blocked && b.blocked
          where a.active and b.active)")"
