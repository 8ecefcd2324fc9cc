#!/usr/bin/env bash
# Stat Server API throughput/latency (issue 6), against node/status measured in the same run:
#  (a) GET node/status (baseline, before and after), (b) POST internal_statistic answered from the
#  cache (no Cache-Control), (c) the same with Cache-Control: max-age=0 (computed by the chat engine
#  on every request), (d) POST statistics with 3 statistics, max-age=0, as a statistic user with a
#  plain-text password (HTTP Basic; a PBKDF2 password would cost its hash on every request).
# Starts its own server (ports from BENCH_*; defaults of bench-server.sh), temp data dir, the shipped
# config plus a plain-text statistic user; stops it. Env: WRK_THREADS (2), WRK_CONNS (32),
# WRK_DURATION (10s). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }
. bench/bench-server.sh
. bench/wrk-lib.sh
printf '\n[user.benchstats]\npassword = benchstats\nroles = statistic\n' >> "$BENCH_CONF/gms.ini"
trap bench_finish EXIT
bench_start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

ONE='objectType=Queue&objectId=default&tenant=Environment&metric=ExpectedWaitTime'
THREE='stat1=ExpectedWaitTime;Queue;default;Environment&stat2=CurrentNumberWaitingChats;Queue;default;Environment&stat3=CurrentState;Agent;agent1;Environment'
AUTH="Basic $(printf 'benchstats:benchstats' | base64)"
curl -fsS --max-time 5 -d "$ONE" "$BASE/1/internal_statistic" >&2; echo >&2
curl -fsS --max-time 5 -H "Authorization: $AUTH" -d "$THREE" "$BASE/1/statistics" >&2; echo >&2

# warm-up (JIT, pools), not measured
timeout 60 wrk -t1 -c8 -d5s "$BASE/1/admin/node/status" >/dev/null
WRK_BODY="$ONE" WRK_CACHE_CONTROL=max-age=0 timeout 60 wrk -t1 -c8 -d5s -s bench/wrk-stat.lua "$BASE/1/internal_statistic" >/dev/null

run_wrk status1 "$BASE/1/admin/node/status" bench/wrk-get.lua
export WRK_BODY="$ONE"
WRK_CACHE_CONTROL= run_wrk cached "$BASE/1/internal_statistic" bench/wrk-stat.lua
WRK_CACHE_CONTROL=max-age=0 run_wrk computed "$BASE/1/internal_statistic" bench/wrk-stat.lua
WRK_BODY="$THREE" WRK_AUTH="$AUTH" WRK_CACHE_CONTROL=max-age=0 run_wrk many "$BASE/1/statistics" bench/wrk-stat.lua
run_wrk status2 "$BASE/1/admin/node/status" bench/wrk-get.lua
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

base=$(awk -v a="$RPS_status1" -v b="$RPS_status2" 'BEGIN{printf "%.2f", (a+b)/2}')
ratio() { awk -v x="$1" -v b="$base" 'BEGIN{printf "%.2f", x/b}'; }
row() { local n=$1 label=$2; eval "echo \"| $label | \$RPS_$n | \$P50_$n | \$P99_$n | \$NON2XX_$n / \$TOTAL_$n | \$(ratio \"\$RPS_$n\") |\""; }
echo
echo "$(date -u +%FT%TZ) $(nproc) cores, wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo
echo "| request | req/s | p50 ms | p99 ms | failed / total | req/s ÷ node/status (mean of before/after) |"
echo "|---|---:|---:|---:|---:|---:|"
row status1 "GET node/status (before)"
row cached "POST internal_statistic, cached value"
row computed "POST internal_statistic, max-age=0 (computed each time)"
row many "POST statistics, 3 values, max-age=0, HTTP Basic (plain-text password)"
row status2 "GET node/status (after)"
