#!/usr/bin/env bash
# Benchmark: the local API server as `./tributary up` runs it, driven by fabric8 from a second JVM.
# Prints start-up to ready (cold and warm, median of 5), idle RSS, creates/s of a small ConfigMap
# (1, 8 and 32 in flight), LIST of 10,000 ConfigMaps (full and limit=500 pages) and the write-to-
# delivery delay of 100 watches. See docs/benchmarks.md for the figures.
# Usage: bench/apiserver.sh [PHASES=startup,creates,list,watch]
#   Tuning: BENCH_OPTS="-Dbench.createSeconds=10 -Dbench.watchRate=50 ..." (see ApiServerBench).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
phases="${1:-startup,creates,list,watch}"

# One reactor run, so the sibling modules resolve to their fresh jars (nothing is installed);
# bench is last in the reactor, so its classpath is the one left in the file. dist is built too,
# so that the launcher finds an up-to-date jar and does not build during the measurement.
mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true -pl dist,bench -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
touch dist/target/tributary.jar # the launcher rebuilds when a source is newer than the jar
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "# nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
# shellcheck disable=SC2086
java ${BENCH_OPTS:-} -cp "$cp" dev.tributary.bench.ApiServerBench ./tributary "$phases"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
