# Sourced by load-availability.sh and load-booking.sh: starts the packaged app on a fresh embedded
# database (demo clinics, the given demo password), seeds bench/scheduling-seed.sql with psql, and
# sets $base, $token (the demo owner's bearer token), $db (a psql URL) and $data. Stops it on exit.
jar=${JAR:-target/clearskin.jar}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is not installed: apt-get install -y postgresql-client" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

data=$(mktemp -d)
CLEARSKIN_DATA_DIR="$data" CLEARSKIN_DEMO_PASSWORD=bench-password-1 java ${JAVA_OPTS:-} -jar "$jar" \
  --server.port="$port" \
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
psql -q -v ON_ERROR_STOP=1 -f bench/scheduling-seed.sql "$db" >/dev/null
base="http://localhost:$port/api/v1/clinics/demo"
token=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d '{"email":"owner@demo.test","password":"bench-password-1"}' "http://localhost:$port/api/v1/auth/tokens" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$token" ] || { echo "no token for owner@demo.test" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
# cpu_ms: the CPU time (user + system, ms) used so far by the app's JVM and by the embedded PostgreSQL's processes,
# as "app pg"; a run's difference divided by its requests is its CPU cost per request, which other builds on the
# same cores hardly change (unlike requests/s).
cpu_ms() {
  local tick pgpid
  tick=$(getconf CLK_TCK)
  pgpid=$(sed -n 1p "$data/postgres/postmaster.pid")
  awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$pid/stat" | tr '\n' ' '
  { cat "/proc/$pgpid/stat"; for p in $(pgrep -P "$pgpid"); do cat "/proc/$p/stat" 2>/dev/null; done; } \
    | awk -v t="$tick" '{ s += $14 + $15 } END { print int(s * 1000 / t) }'
}
# cpu_report before after requests: prints the CPU milliseconds per request of the app and of PostgreSQL
cpu_report() {
  read -r a0 p0 <<<"$1"
  read -r a1 p1 <<<"$2"
  awk -v a="$((a1 - a0))" -v p="$((p1 - p0))" -v n="$3" \
    'BEGIN { printf "CPU per request: app %.3f ms, PostgreSQL %.3f ms (%d requests)\n", a / n, p / n, n }'
}
