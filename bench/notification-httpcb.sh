#!/usr/bin/env bash
# httpcb notification throughput (issue 4): N (10) httpcb subscriptions with filter bench.* to a
# loopback sink (bench/HttpSink.java), then wrk POSTs /notification/publish for 20 s.
# Reports publishes/s, deliveries/s (sink count), p50/p99 publish latency and non-2xx.
# Starts its own server (ports 9180/11180/9543/11183, temp data dir, bench config) and stops it.
# Env: N (10), SINK_PORT (9189), WRK_THREADS (2), WRK_CONNS (32), DURATION (20s).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }
N=${N:-10}
SINK_PORT=${SINK_PORT:-9189}
DURATION=${DURATION:-20s}
. bench/bench-server.sh
. bench/wrk-lib.sh
SINK_PID=
cleanup() {
  if [ -n "$SINK_PID" ]; then kill -TERM "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
  bench_finish
}
trap cleanup EXIT
java bench/HttpSink.java "$SINK_PORT" >"$BENCH_TMP/sink.log" 2>&1 &
SINK_PID=$!
bench_start
for _ in $(seq 1 30); do grep -q SINK_READY "$BENCH_TMP/sink.log" && break; sleep 1; done
sink_count() { curl -fsS --max-time 5 "http://127.0.0.1:$SINK_PORT/count"; }

for i in $(seq 1 "$N"); do
  curl -fsS --max-time 5 -H 'Content-Type: application/json' "$BASE/1/notification/subscription" \
    -d "{\"subscriberId\":\"bench$i\",\"filter\":\"bench.*\",\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\"http://127.0.0.1:$SINK_PORT/cb\"}}" >/dev/null
done
# one publish to check delivery end to end
curl -fsS --max-time 10 -o /dev/null -w 'check publish: %{http_code}\n' -H 'Content-Type: application/json' \
  "$BASE/1/notification/publish" -d '{"tag":"bench.event","message":"x"}' >&2
sleep 1
echo "sink after check publish: $(sink_count) (expected $N)" >&2
export WRK_BODY='{"tag":"bench.event","message":"x"}' WRK_CTYPE=application/json
# warm-up
timeout 60 wrk -t1 -c8 -d5s -s bench/wrk-post.lua "$BASE/1/notification/publish" >/dev/null
sleep 2
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
C0=$(sink_count)
run_wrk publish "$BASE/1/notification/publish" bench/wrk-post.lua "$DURATION"
C1=$(sink_count)
sleep 3   # deliveries still in flight (publish waits for first attempts, so should be few)
C2=$(sink_count)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
secs=${DURATION%s}
deliv=$(awk -v a="$C0" -v b="$C1" -v s="$secs" 'BEGIN{printf "%.1f", (b-a)/s}')
expected=$((TOTAL_publish * N))
echo
echo "$(date -u +%FT%TZ) $(nproc) cores, N=$N httpcb subscriptions, wrk -t$WRK_THREADS -c$WRK_CONNS -d$DURATION, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo
echo "| publishes/s | deliveries/s (sink) | p50 ms | p99 ms | non-2xx / publishes | deliveries during run / +3 s later / publishes × N |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "| $RPS_publish | $deliv | $P50_publish | $P99_publish | $NON2XX_publish / $TOTAL_publish | $((C1 - C0)) / $((C2 - C0)) / $expected |"
