#!/usr/bin/env bash
# Cost of durable commits: storage create and chat send, with the default H2 URL (WRITE_DELAY=0:
# each commit written before the answer) and with H2's own default (WRITE_DELAY=500: commits
# written up to 0.5 s later, what the server used before), in the same run, one server after the
# other on the same machine. Prints a Markdown table. Settings (environment):
#
#   DURATION=15s WARMUP=5s WRK_CONNS=8 WRK_THREADS=2
#   BENCH_HTTP_PORT=8490 BENCH_MGMT_PORT=10400 BENCH_HTTPS_PORT=8853 BENCH_MGMT_HTTPS_PORT=10403
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
export WRK_CONNS=${WRK_CONNS:-8}
export BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-8490} BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-10400}
export BENCH_HTTPS_PORT=${BENCH_HTTPS_PORT:-8853} BENCH_MGMT_HTTPS_PORT=${BENCH_MGMT_HTTPS_PORT:-10403}
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=bench/bench-server.sh
. bench/bench-server.sh
# shellcheck source=bench/wrk-lib.sh
. bench/wrk-lib.sh
trap bench_finish EXIT
LUA="$PWD/bench/wrk-post.lua"

measure() { # MODE
  local mode=$1 service
  export WRK_CTYPE=application/x-www-form-urlencoded
  export WRK_BODY="Key1=Value1&Key2=Value2"
  run_wrk "warm_storage_$mode" "$BASE/1/storage/3600" "$LUA" "$WARMUP" >/dev/null
  run_wrk "storage_$mode" "$BASE/1/storage/3600" "$LUA" "$DURATION" >/dev/null
  service=$(curl -fsS -X POST "$BASE/1/service/request-chat" | sed 's/.*"_id":"\([^"]*\)".*/\1/')
  curl -fsS -d subject=bench -d userDisplayName=Zoe "$BASE/1/service/$service/ixn/chat" >/dev/null
  export WRK_BODY="message=hello"
  run_wrk "warm_chat_$mode" "$BASE/1/service/$service/ixn/chat/send" "$LUA" "$WARMUP" >/dev/null
  run_wrk "chat_$mode" "$BASE/1/service/$service/ixn/chat/send" "$LUA" "$DURATION" >/dev/null
}

bench_start
measure durable
bench_stop
MVN_PID=
# Through the environment (the server inherits it): the URL's ';' would break WildFly's
# standalone.sh if it travelled in JAVA_OPTS.
export GMS_DB_URL="jdbc:h2:file:$BENCH_DATA/gms-delayed;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500"
bench_start
measure delayed

row() { # LABEL NAME
  local rps="RPS_$2" p50="P50_$2" p99="P99_$2" bad="NON2XX_$2"
  printf '| %s | %s | %s | %s | %s |\n' "$1" "${!rps}" "${!p50}" "${!p99}" "${!bad}"
}
echo
echo "| $(date +%Y-%m-%d) ($WRK_CONNS connections, $DURATION) | req/s | p50 ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|"
row "storage create, WRITE_DELAY=0 (durable, default)" storage_durable
row "storage create, WRITE_DELAY=500 (before)" storage_delayed
row "chat send, WRITE_DELAY=0 (durable, default)" chat_durable
row "chat send, WRITE_DELAY=500 (before)" chat_delayed
