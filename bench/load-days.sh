#!/usr/bin/env bash
# Throughput and latency of the booking page's month view, GET /api/v1/clinics/demo/availability/days (which days
# have a free start) over 31 days for any practitioner, on the packaged app, localhost only, without a token; the
# data of bench/scheduling-seed.sql (30 practitioners, 30 rooms, about 3,700 booked appointments).
# Usage: ./mvnw -q package -DskipTests && bench/load-days.sh        DURATION=60s THREADS=2 CONNECTIONS=16 bench/load-days.sh
# Target: at least 3,000 requests/s, p99 at most 30 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-30s}
warmup=${WARMUP:-20s}
source bench/scheduling-server.sh
from=$(date -u -d tomorrow +%F)
to=$(date -u -d "tomorrow + 30 days" +%F)
url="$base/availability/days?treatment=extraction-facial&from=$from&to=$to"
echo "one request: $(curl -fs "$url" | wc -c) bytes, $(curl -fs "$url" | grep -o '"free":true' | wc -l) of 31 days free"
echo "warm-up: wrk -t$threads -c$connections -d$warmup"
wrk -t"$threads" -c"$connections" -d"$warmup" -s bench/availability.lua "$url" >/dev/null
echo "run: wrk -t$threads -c$connections -d$duration --latency -s bench/availability.lua $url"
before=$(cpu_ms)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/availability.lua "$url" | tee "$data/wrk.txt"
cpu_report "$before" "$(cpu_ms)" "$(awk '/requests in/ { print $1 }' "$data/wrk.txt")"
