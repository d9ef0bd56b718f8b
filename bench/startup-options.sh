#!/usr/bin/env bash
# First start, restart and idle memory (bench/startup.sh) of the packaged jar in the ways Spring Boot documents:
# the fat jar; the extracted layout (java -Djarmode=tools -jar clearskin.jar extract); the extracted layout with a
# class data sharing archive made by a training run that stops after the context refresh
# (-XX:ArchiveClassesAtExit + -Dspring.context.exit=onRefresh); and that with the JIT's first tier only.
# Usage: ./mvnw -q package -DskipTests && bench/startup-options.sh [runs per layout, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
jar=${JAR:-target/clearskin.jar}
ex=$(mktemp -d)
trap 'rm -rf "$ex"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$ex/app" >/dev/null
train=$(mktemp -d)
CLEARSKIN_DATA_DIR="$train" CLEARSKIN_DEMO_PASSWORD=bench-password-1 java -XX:ArchiveClassesAtExit="$ex/app/clearskin.jsa" \
  -Dspring.context.exit=onRefresh -jar "$ex/app/clearskin.jar" --server.port=0 >"$ex/train.log" 2>&1 || true
rm -rf "$train"
[ -f "$ex/app/clearskin.jsa" ] || { echo "no CDS archive written:" >&2; tail -20 "$ex/train.log" >&2; exit 1; }
echo "CDS archive: $(du -h "$ex/app/clearskin.jsa" | cut -f1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- fat jar: java -jar $jar"
JAR="$jar" bench/startup.sh "$runs"
echo "--- extracted: java -jar $ex/app/clearskin.jar"
JAR="$ex/app/clearskin.jar" bench/startup.sh "$runs"
echo "--- extracted + CDS: java -XX:SharedArchiveFile=clearskin.jsa -jar clearskin.jar"
JAR="$ex/app/clearskin.jar" JAVA_OPTS="-XX:SharedArchiveFile=$ex/app/clearskin.jsa" bench/startup.sh "$runs"
echo "--- extracted + CDS + -XX:TieredStopAtLevel=1"
JAR="$ex/app/clearskin.jar" JAVA_OPTS="-XX:SharedArchiveFile=$ex/app/clearskin.jsa -XX:TieredStopAtLevel=1" \
  bench/startup.sh "$runs"
echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
