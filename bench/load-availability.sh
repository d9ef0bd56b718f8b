#!/usr/bin/env bash
# Throughput and latency of GET /api/v1/clinics/demo/availability for one practitioner over 31 days,
# on the packaged app, localhost only: 30 practitioners, 30 rooms, about 3,700 booked appointments.
# Without a token, as the public booking page asks (the per-address rate limit raised out of the way).
# Usage: ./mvnw -q package -DskipTests && bench/load-availability.sh
#        DURATION=60s THREADS=2 CONNECTIONS=16 bench/load-availability.sh
# Targets: at least 2,000 requests/s, p99 at most 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-30s}
warmup=${WARMUP:-20s}
source bench/scheduling-server.sh
from=$(date -u -d tomorrow +%F)
to=$(date -u -d "tomorrow + 30 days" +%F)
url="$base/availability?treatment=extraction-facial&from=$from&to=$to&practitioner=00000000-0000-0000-0001-000000000007"
slots=$(curl -fs "$url" | grep -o '"start"' | wc -l)
echo "one request: $slots free starts (one practitioner, 31 days)"

echo "warm-up: wrk -t$threads -c$connections -d$warmup"
wrk -t"$threads" -c"$connections" -d"$warmup" -s bench/availability.lua "$url" >/dev/null
echo "run: wrk -t$threads -c$connections -d$duration --latency -s bench/availability.lua $url"
before=$(cpu_ms)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/availability.lua "$url" | tee "$data/wrk.txt"
cpu_report "$before" "$(cpu_ms)" "$(awk '/requests in/ { print $1 }' "$data/wrk.txt")"
