#!/usr/bin/env bash
# Benchmark: the delivery module's sender vs wrk, both posting the same CloudEvent to the same
# event-display-like sink (a separate JVM) on loopback. Prints both rates, their ratio, and the
# sender's p50/p99 latency at half of its peak rate. Installs wrk (Debian package) if missing.
# Usage: bench/sender-vs-wrk.sh [CONCURRENCY=64] [SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
concurrency="${1:-64}"
seconds="${2:-10}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk ..." >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

# One reactor run, so the sibling modules resolve to their fresh jars (nothing is installed);
# bench is last in the reactor, so its classpath is the one left in the file.
mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true -pl bench -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

out=$(mktemp -d)
java -cp "$cp" dev.tributary.bench.BenchSink >"$out/sink.out" 2>"$out/sink.err" &
sink_pid=$!
trap 'kill $sink_pid 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do grep -q '^port=' "$out/sink.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^port=//p' "$out/sink.out")
[ -n "$port" ] || { echo "the sink did not start:" >&2; cat "$out/sink.err" >&2; exit 1; }
url="http://127.0.0.1:$port/"

# Both clients must meet a sink whose JIT has already compiled its request path: warm it up with
# wrk before either measurement (else wrk, run last, gets a sink the sender's run has warmed).
wrk -t2 -c"$concurrency" -d10s -s bench/post-heartbeat.lua "$url" >/dev/null

# The sender warms up for 10 s too: on 2 shared cores its JIT needs that long to reach steady state.
# The sender gets one event loop per core (BENCH_EVENT_LOOPS overrides; a program's runtime uses 1).
loops="${BENCH_EVENT_LOOPS:-$(nproc)}"
java -Dbench.eventLoops="$loops" -Dbench.sinkPid="$sink_pid" -cp "$cp" dev.tributary.bench.SenderBench "$url" "$concurrency" 10 "$seconds" \
  | tee "$out/sender.txt"
wrk -t2 -c"$concurrency" -d3s -s bench/post-heartbeat.lua "$url" >/dev/null # warm-up
sink_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$sink_pid/stat"; }
sink_before=$(sink_ticks)
TIMEFORMAT='wrk_cpu_s=%U+%S'
{ time wrk -t2 -c"$concurrency" -d"${seconds}s" -s bench/post-heartbeat.lua "$url" >"$out/wrk.txt"; } 2>"$out/wrk.time"
sink_after=$(sink_ticks)
cat "$out/wrk.txt"

sender=$(sed -n 's/^sender_events_per_s=//p' "$out/sender.txt")
wrk_rate=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
echo "---"
echo "sender_events_per_s=$sender"
echo "wrk_requests_per_s=$wrk_rate"
awk -v s="$sender" -v w="$wrk_rate" 'BEGIN { printf "ratio_sender_over_wrk=%.2f\n", s / w }'
grep -E '^(event_loops|p50_ms|p99_ms|half_rate_events_per_s|sender_cpu_us_per_event|sender_user_us_per_event|sender_sys_us_per_event|sender_alloc_bytes_per_event)=' "$out/sender.txt"
# CPU per event (µs; the sink's from clock ticks): the two clients share the cores with the sink.
sed -n 's/^sink_cpu_us_per_event=/sink_cpu_us_per_event_from_sender=/p' "$out/sender.txt"
wrk_requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
awk -v b="$sink_before" -v a="$sink_after" -v n="$wrk_requests" -v t="$(sed -n 's/^wrk_cpu_s=//p' "$out/wrk.time")" \
  'BEGIN { split(t, c, "+"); printf "wrk_cpu_us_per_request=%.1f\nwrk_user_us_per_request=%.1f\nwrk_sys_us_per_request=%.1f\nsink_cpu_us_per_request_from_wrk=%.1f\n", (c[1] + c[2]) * 1e6 / n, c[1] * 1e6 / n, c[2] * 1e6 / n, (a - b) * 1e4 / n }'
