#!/usr/bin/env bash
# The cost of the audit log on a read-heavy endpoint: GET /api/v1/clinics/demo/clients/{id}/assessments
# (a client's assessment history, one audit event per request), with the log on and then off.
# Usage: ./mvnw -q package -DskipTests && bench/load-audit.sh
#        MODES="on off on off" DURATION=30s THREADS=2 CONNECTIONS=16 bench/load-audit.sh
# For each mode it starts the packaged app on a fresh embedded database (durable: fsync on, as a
# clinic runs it), signs in as the demo owner, warms up, runs wrk (apt-get install -y wrk), stops it.
# "off" is clearskin.audit.enabled=false: it exists ONLY for this measurement and is refused with the
# prod profile; a clinic must never run without the audit log.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-target/clearskin.jar}
port=${PORT:-18081}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-30s}
warmup=${WARMUP:-15s}
modes=${MODES:-on off}
password=bench-password-1
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(java -version 2>&1 | head -1)"

for mode in $modes; do
  enabled=true; [ "$mode" = off ] && enabled=false
  data=$(mktemp -d)
  CLEARSKIN_DATA_DIR="$data" CLEARSKIN_DEMO_PASSWORD=$password java ${JAVA_OPTS:-} -jar "$jar" \
    --server.port="$port" --clearskin.audit.enabled=$enabled >"$data/app.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do
    kill -0 $pid 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$data/app.log" >&2; exit 1; }
    sleep 0.5
  done
  token=$(curl -fs -X POST "http://localhost:$port/api/v1/auth/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\":\"owner@demo.test\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  client=$(curl -fs "http://localhost:$port/api/v1/clinics/demo/clients?q=Lopez" -H "Authorization: Bearer $token" \
    | sed 's/.*"clients":\[{"id":"\([^"]*\)".*/\1/')
  url="http://localhost:$port/api/v1/clinics/demo/clients/$client/assessments"
  status=$(curl -s -o "$data/first.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
  [ "$status" = 200 ] || { echo "the benchmark request is refused ($status):" >&2; cat "$data/first.json" >&2; exit 1; }
  before=$(curl -fs "http://localhost:$port/api/v1/clinics/demo/audit?limit=1" -H "Authorization: Bearer $token" \
    | sed 's/.*"events":\[{"id":\([0-9]*\).*/\1/;t;s/.*/0/')
  echo "== audit $mode: wrk -t$threads -c$connections -d$duration --latency -H 'Authorization: Bearer …' $url"
  wrk -t"$threads" -c"$connections" -d"$warmup" -H "Authorization: Bearer $token" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$url"
  after=$(curl -fs "http://localhost:$port/api/v1/clinics/demo/audit?limit=1" -H "Authorization: Bearer $token" \
    | sed 's/.*"events":\[{"id":\([0-9]*\).*/\1/;t;s/.*/0/')
  echo "audit events recorded during warm-up and run: $((after - before))"
  kill $pid; wait $pid 2>/dev/null || true; rm -rf "$data"; trap - EXIT
done
