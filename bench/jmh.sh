#!/usr/bin/env bash
# JMH benchmarks of the test sources (src/test/java/com/clearskin/bench), outside `./mvnw verify`.
# Usage: bench/jmh.sh [benchmark regexp] [JMH options...]
#   bench/jmh.sh                                   # RecommendationEngineBenchmark -f 1 -wi 3 -i 5 -t 1
#   bench/jmh.sh RecommendationEngineBenchmark -prof gc
# Prints JMH's table; ops/s of RecommendationEngineBenchmark.recommend is assessments per second
# (the full default catalog, one thread).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
test -f target/test-classes/META-INF/BenchmarkList || { echo "JMH's annotation processor did not run: no target/test-classes/META-INF/BenchmarkList" >&2; exit 1; }
benchmark=${1:-RecommendationEngineBenchmark}
shift || true
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -i 5 -t 1; fi
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "$benchmark" "$@"
