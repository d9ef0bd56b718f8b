#!/usr/bin/env bash
# Clearskin side by side with Easy!Appointments 1.6 on that peer's own data (../shared/bench/ea-peer, or $PEER).
#
# 1. Starts the packaged app on a fresh embedded database with its clock started at 2026-11-30T12:00Z
#    (clearskin.clock.start, benchmarks only: the peer answered for every December day, three of which are past
#    by now), the rate limit of anonymous requests raised out of the way.
# 2. Sets up the demo clinic `second` through the API as the owner: time zone UTC, open Monday-Saturday
#    09:00-18:00, a 15-minute grid, no notice (the peer has none), a horizon of 92 days; one esthetician with
#    Monday-Saturday 09:00-18:00 shifts and no breaks; one facial room; deep-pore-cleansing (60 minutes) with no
#    device and no buffers.
# 3. Loads the peer's 500 customers as clients and the union of its 6,000 overlapping appointments (667 busy
#    spans; Clearskin refuses overlaps) as booked appointments, by SQL (psql), as bench/scheduling-seed.sql does.
# 4. Checks that Clearskin's free starts for every December 2026 day equal the peer's
#    (ea-available-hours-2026-12.json), asking day by day and for the month; a difference fails the script.
# 5. Measures the one-day query (2026-12-09) and the month query (2026-12-01..31, every free start; and the
#    booking page's month view /availability/days when it exists) with wrk at 1, 2, 4 and 8 clients
#    (one connection per client), and prints the ratios to the peer's figures (README of the peer's folder).
#
# Usage: ./mvnw -q package -DskipTests && bench/peer-ea.sh
#        DURATION=20s WARMUP=5s WARMUP_ALL=20s CLIENTS="1 2 4 8" bench/peer-ea.sh      CHECK_ONLY=1 bench/peer-ea.sh
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${PEER:-../shared/bench/ea-peer}
[ -d "$peer" ] || peer=/work/shared/bench/ea-peer
jar=${JAR:-target/clearskin.jar}
port=${PORT:-18090}
duration=${DURATION:-10s}
warmup=${WARMUP:-5s}
clients=${CLIENTS:-1 2 4 8}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is not installed: apt-get install -y postgresql-client" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

data=$(mktemp -d)
CLEARSKIN_DATA_DIR="$data" CLEARSKIN_DEMO_PASSWORD=bench-password-1 java ${JAVA_OPTS:-} -jar "$jar" \
  --server.port="$port" --clearskin.clock.start=2026-11-30T12:00:00Z \
  --clearskin.rate-limit.availability.capacity=1000000000 \
  --clearskin.rate-limit.availability.refill-per-minute=1000000000 \
  --clearskin.rate-limit.public.capacity=1000000000 \
  --clearskin.rate-limit.public.refill-per-minute=1000000000 \
  >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
  kill -0 $pid 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
export PGPASSWORD=$(cat "$data/postgres-password")
db="postgresql://postgres@localhost:$(sed -n 4p "$data/postgres/postmaster.pid")/clearskin"
api="http://localhost:$port/api/v1/clinics/second"
token=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d '{"email":"owner@second.test","password":"bench-password-1"}' "http://localhost:$port/api/v1/auth/tokens" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$token" ] || { echo "no token for owner@second.test" >&2; exit 1; }
call() { # method path body: the JSON answer, failing on any error
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$3" "$api$2"
}
week=""
for d in monday tuesday wednesday thursday friday saturday; do
  week="$week${week:+,}{\"weekday\":\"$d\",\"start\":\"09:00\",\"end\":\"18:00\"}"
done
call PUT /schedule "{\"timeZone\":\"UTC\",\"settings\":{\"slotMinutes\":15,\"minNoticeMinutes\":0,\"horizonDays\":92,
  \"clientCancelHours\":24,\"waitlistOfferMinutes\":60},\"openingHours\":[$week]}" >/dev/null
practitioner=$(call POST /practitioners "{\"displayName\":\"EA Provider 1\",\"qualification\":\"esthetician\",
  \"shifts\":[$week],\"breaks\":[]}" | sed 's/^{"id":"\([^"]*\)".*/\1/')
room=$(call POST /rooms '{"name":"EA Room","capabilities":["facial-bed"]}' | sed 's/^{"id":"\([^"]*\)".*/\1/')
call PUT /treatment-requirements/deep-pore-cleansing '{"bookable":true,"roomCapabilities":["facial-bed"],
  "deviceTypes":[],"bufferBeforeMinutes":0,"bufferAfterMinutes":0}' >/dev/null
clinic=$(psql -Atq "$db" -c "select id from clinic where slug = 'second'")
python3 bench/peer-ea.py sql "$peer" "$clinic" "$practitioner" "$room" | psql -q -v ON_ERROR_STOP=1 "$db" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "loaded: practitioner $practitioner, room $room, $(psql -Atq "$db" -c "select count(*) from appointment
  where clinic_id = '$clinic' and practitioner_id = '$practitioner'") busy spans"

base="http://localhost:$port/api/v1/clinics/second"
python3 bench/peer-ea.py compare "$peer" "$base" deep-pore-cleansing "$practitioner"
[ -n "${CHECK_ONLY:-}" ] && exit 0

q="treatment=deep-pore-cleansing&practitioner=$practitioner"
declare -A urls=(
  [day]="$base/availability?$q&from=2026-12-09&to=2026-12-09"
  [month]="$base/availability?$q&from=2026-12-01&to=2026-12-31"
  [days]="$base/availability/days?$q&from=2026-12-01&to=2026-12-31")
# the peer's requests/s (low-high of its 3 runs) at 1, 2, 4, 8 clients
declare -A peer_lo=([day,1]=52 [day,2]=81 [day,4]=109 [day,8]=105 [month,1]=2.2 [month,2]=4.6 [month,4]=4.0 [month,8]=3.5)
declare -A peer_hi=([day,1]=59 [day,2]=99 [day,4]=116 [day,8]=118 [month,1]=2.7 [month,2]=5.4 [month,4]=6.2 [month,8]=5.9)
# the JIT first: every query for ${WARMUP_ALL:-20s} at 4 clients, so the first measured row is not the JIT's
for kind in day month days; do
  curl -fs -o /dev/null "${urls[$kind]}" && wrk -t2 -c4 -d"${WARMUP_ALL:-20s}" "${urls[$kind]}" >/dev/null
done
printf '\n%-6s %-7s %10s %9s %9s %9s %7s %s\n' query clients "req/s" p50_ms p95_ms p99_ms errors "x peer (its best .. its worst run)"
for kind in day month days; do
  curl -fs -o /dev/null "${urls[$kind]}" || { echo "$kind: ${urls[$kind]} not answered, skipped"; continue; }
  for c in $clients; do
    t=$(( c < 2 ? 1 : 2 ))
    wrk -t$t -c"$c" -d"$warmup" "${urls[$kind]}" >/dev/null
    line=$(wrk -t$t -c"$c" -d"$duration" --latency -s bench/peer-ea.lua "${urls[$kind]}" | grep '^RESULT')
    rps=$(sed 's/.*rps=\([^ ]*\).*/\1/' <<<"$line")
    errors=$(sed 's/.*errors=\([^ ]*\).*/\1/' <<<"$line")
    [ "$errors" = 0 ] || { echo "$kind at $c clients: $errors failed requests: $(curl -s -o /dev/null -w '%{http_code}' "${urls[$kind]}")" >&2; failed=1; }
    ref=$([ "$kind" = days ] && echo month || echo "$kind")
    ratio=$(awk -v r="$rps" -v lo="${peer_lo[$ref,$c]:-0}" -v hi="${peer_hi[$ref,$c]:-0}" \
      'BEGIN { if (lo > 0) printf "%.0fx .. %.0fx", r / hi, r / lo; else print "-" }')
    printf '%-6s %-7s %10s %9s %9s %9s %7s %s\n' "$kind" "$c" "$rps" \
      "$(sed 's/.*p50=\([^ ]*\).*/\1/' <<<"$line")" "$(sed 's/.*p95=\([^ ]*\).*/\1/' <<<"$line")" \
      "$(sed 's/.*p99=\([^ ]*\).*/\1/' <<<"$line")" "$(sed 's/.*errors=\([^ ]*\).*/\1/' <<<"$line")" "$ratio"
  done
done
[ -z "${failed:-}" ] || { echo "some requests failed: the figures above are not valid" >&2; exit 1; }
echo "wrk -t{1|2} -c{clients} -d$duration after a $warmup warm-up; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
