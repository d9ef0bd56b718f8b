#!/usr/bin/env bash
# Cold start (to first served page) and idle memory of the packaged app on the embedded default.
# Usage: ./mvnw -q package -DskipTests && bench/startup.sh [runs]
#        JAR=path/to/clearskin.jar JAVA_OPTS="..." bench/startup.sh [runs]   (another jar layout or JVM flags)
# Prints, per run: first start (empty data dir: initdb + migrations + demo data) and restart
# (existing data dir), in ms until GET / answers 200; then the idle RSS of the JVM and of PostgreSQL.
set -euo pipefail
runs=${1:-3}
jar=${JAR:-target/clearskin.jar}
port=${PORT:-18080}
data=$(mktemp -d)

wait_first_page() { # pid start_ns
  until curl -fs -o /dev/null "http://localhost:$port/"; do
    kill -0 "$1" 2>/dev/null || { echo "app died" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - $2) / 1000000 ))
}

start() { # data dir
  local t0; t0=$(date +%s%N)
  CLEARSKIN_DATA_DIR="$1" CLEARSKIN_DEMO_PASSWORD=bench-password-1 java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" >"$1.log" 2>&1 &
  pid=$!
  ms=$(wait_first_page $pid "$t0")
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

for i in $(seq 1 "$runs"); do
  rm -rf "$data/run$i"
  start "$data/run$i"; first=$ms; stop
  start "$data/run$i"; again=$ms
  if [ "$i" = "$runs" ]; then
    for p in / /treatments /treatments/microneedling /api/v1/treatments; do curl -fs -o /dev/null "http://localhost:$port$p"; done
    sleep 10
    jvm_kb=$(ps -o rss= -p "$pid")
    pm=$(pgrep -f -- "-D $data/run$i/postgres" | head -1)
    pg_kb=0
    for p in $pm $(pgrep -P "$pm"); do  # PSS: shared buffers counted once, not once per process
      pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      pg_kb=$((pg_kb + ${pss:-0}))
    done
    echo "idle memory: JVM RSS $((jvm_kb / 1024)) MiB, embedded PostgreSQL PSS $((pg_kb / 1024)) MiB"
  fi
  echo "run $i: first start ${first} ms, restart ${again} ms"
  stop
done
rm -rf "$data"
