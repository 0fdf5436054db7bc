#!/usr/bin/env bash
# Benchmark: the whole local cluster as `./tributary up` runs it (issue 5), driven from a second
# JVM with fabric8 and the real kubectl. Prints `up` to ready (cold: 5 fresh data dirs; warm: one
# restart), RSS with the walkthrough's four sections running (at 60 s and 120 s), and pods
# started/s for a 200-replica Deployment of event-display. See docs/benchmarks.md for the figures.
# Usage: bench/local-cluster.sh [PHASES=up,rss,pods]
#   Tuning: BENCH_OPTS="-Dbench.upRuns=3 -Dbench.replicas=100 -Dbench.nmt=true ..." (see
#   LocalClusterBench). TRIBUTARY_JAVA_OPTS is passed through to every `up`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
phases="${1:-up,rss,pods}"
command -v kubectl >/dev/null || { echo "local-cluster.sh: needs kubectl on PATH" >&2; exit 1; }

# One reactor run, so the sibling modules resolve to their fresh jars (nothing is installed);
# bench is last in the reactor, so its classpath is the one left in the file. dist is built too,
# so that the launcher finds an up-to-date jar and does not build during the measurement.
mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true -pl dist,bench -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
# The launcher rebuilds when a source is newer than the jar: make sure it does not (this also
# drops a stale AppCDS archive, which the benchmark's first, uncounted run rewrites).
if [ -n "$(find . \( -path ./.git -o -name target \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
  -newer dist/target/tributary.jar -print -quit)" ]; then
  touch dist/target/tributary.jar
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "# nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "# launcher JVM options: TRIBUTARY_JAVA_OPTS=${TRIBUTARY_JAVA_OPTS:-}"
# shellcheck disable=SC2086
java ${BENCH_OPTS:-} -cp "$cp" dev.tributary.bench.LocalClusterBench ./tributary "$JAVA_HOME" "$phases"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
