#!/usr/bin/env bash
# Service API throughput/latency (issue 3), against node/status measured in the same run:
#  (a) GET node/status (baseline, before and after), (b) POST service/request-chat with 2 user-data
#  fields (service create), (c) GET service/{id}/storage of a pre-created service (storage read).
# Starts its own server (ports 9180/11180/9543/11183, temp data dir, bench config) and stops it.
# Env: WRK_THREADS (2), WRK_CONNS (32), WRK_DURATION (10s). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }
. bench/bench-server.sh
. bench/wrk-lib.sh
trap bench_finish EXIT
bench_start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# warm-up (JIT, pools), not measured
timeout 60 wrk -t1 -c8 -d5s "$BASE/1/admin/node/status" >/dev/null
WRK_BODY='_verbose=false&firstName=John&lastName=Doe' timeout 60 wrk -t1 -c8 -d5s -s bench/wrk-post.lua "$BASE/1/service/request-chat" >/dev/null

ID=$(curl -fsS --max-time 5 -d 'firstName=John&lastName=Doe' "$BASE/1/service/request-chat" | sed -E 's/.*"_id":"([^"]+)".*/\1/')
curl -fsS --max-time 5 "$BASE/1/service/$ID/storage" >&2; echo >&2

run_wrk status1 "$BASE/1/admin/node/status" bench/wrk-get.lua
export WRK_BODY='firstName=John&lastName=Doe'
run_wrk create "$BASE/1/service/request-chat" bench/wrk-post.lua
run_wrk storage "$BASE/1/service/$ID/storage" bench/wrk-get.lua
run_wrk status2 "$BASE/1/admin/node/status" bench/wrk-get.lua
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

base=$(awk -v a="$RPS_status1" -v b="$RPS_status2" 'BEGIN{printf "%.2f", (a+b)/2}')
ratio() { awk -v x="$1" -v b="$base" 'BEGIN{printf "%.2f", x/b}'; }
echo
echo "$(date -u +%FT%TZ) $(nproc) cores, wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo
echo "| request | req/s | p50 ms | p99 ms | non-2xx / total | req/s ÷ node/status (mean of before/after) |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| GET node/status (before) | $RPS_status1 | $P50_status1 | $P99_status1 | $NON2XX_status1 / $TOTAL_status1 | $(ratio "$RPS_status1") |"
echo "| POST service/request-chat, 2 fields (create) | $RPS_create | $P50_create | $P99_create | $NON2XX_create / $TOTAL_create | $(ratio "$RPS_create") |"
echo "| GET service/{id}/storage (read) | $RPS_storage | $P50_storage | $P99_storage | $NON2XX_storage / $TOTAL_storage | $(ratio "$RPS_storage") |"
echo "| GET node/status (after) | $RPS_status2 | $P50_status2 | $P99_status2 | $NON2XX_status2 / $TOTAL_status2 | $(ratio "$RPS_status2") |"
