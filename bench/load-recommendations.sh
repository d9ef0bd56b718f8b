#!/usr/bin/env bash
# Throughput and latency of POST /api/v1/recommendations on the packaged app, localhost only.
# Usage: ./mvnw -q package -DskipTests && bench/load-recommendations.sh
#        DURATION=60s THREADS=2 CONNECTIONS=16 JAR=... JAVA_OPTS="..." bench/load-recommendations.sh
# Starts the app on an empty embedded database with the rate limit raised out of the way, warms it
# up, runs wrk (apt-get install -y wrk) with bench/recommendations.lua, and stops the app.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-target/clearskin.jar}
port=${PORT:-18080}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-30s}
warmup=${WARMUP:-20s}
url="http://localhost:$port/api/v1/recommendations"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

data=$(mktemp -d)
CLEARSKIN_DATA_DIR="$data" CLEARSKIN_DEMO_PASSWORD=bench-password-1 java ${JAVA_OPTS:-} -jar "$jar" \
  --server.port="$port" \
  --clearskin.rate-limit.recommendations.capacity=1000000000 \
  --clearskin.rate-limit.recommendations.refill-per-minute=1000000000 \
  --clearskin.rate-limit.public.capacity=1000000000 \
  --clearskin.rate-limit.public.refill-per-minute=1000000000 \
  >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT

until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
  kill -0 $pid 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$data/app.log" >&2; exit 1; }
  sleep 0.2
done
body=$(awk '/^wrk.body = \[\[/ {f = 1; next} /^\]\]/ {f = 0} f' bench/recommendations.lua)
status=$(curl -s -o "$data/first.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "$body" "$url")
[ "$status" = 200 ] || { echo "the benchmark body is refused ($status):" >&2; cat "$data/first.json" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "warm-up: wrk -t$threads -c$connections -d$warmup"
wrk -t"$threads" -c"$connections" -d"$warmup" -s bench/recommendations.lua "$url" >/dev/null
echo "run: wrk -t$threads -c$connections -d$duration --latency -s bench/recommendations.lua $url"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/recommendations.lua "$url"
