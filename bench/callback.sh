#!/usr/bin/env bash
# Callback engine (issue 7): (a) time to create BENCH_CALLBACKS (100000) scheduled callbacks over
# HTTP (wrk, desired times spread over the next 7 days), (b) the availability query over 7 days of
# a capacity service (when the calendar engine is present), (c) scheduling lateness p50/p99 when
# BENCH_DUE (1000) callbacks fall due in the same minute (ORS execution to a loopback sink that
# measures arrival minus desired time), (d) time to be ONLINE and scanning again after a restart
# with all of them stored (nothing is re-armed: the database scan finds what is due) and
# BENCH_OPEN_CHATS (10000) chats open (Chat API v2 over REST, no agent: they wait in the queue;
# the restart restores them).
# Starts its own server (bench-server.sh ports, temp data dir) and stops it. Prints Markdown.
# Env: BENCH_CALLBACKS, BENCH_OPEN_CHATS, BENCH_DUE, BENCH_DUE_IN (90: seconds until the due minute starts),
# BENCH_SINK_PORT (9199), BENCH_CREATE_MAX_S (1200), BENCH_CREATE_WRK_S (10: seconds per wrk round).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }
N=${BENCH_CALLBACKS:-100000}
DUE=${BENCH_DUE:-1000}
SINK_PORT=${BENCH_SINK_PORT:-9199}
# (b) uses the calendar engine's availability over 7 days of 5-minute slots, capped at 1000 each
. bench/bench-server.sh
cat >>"$BENCH_CONF/gms.ini" <<INI

[service.bench-cb]
_type = builtin
_service = callback
_urs_virtual_queue = bench
_ttl = 864000
_max_request_by_time_bucket = 1000
_max_queued_callbacks_per_service = -1
_throttle_callbacks_per_service_1 = -1
_throttle_callbacks_per_service_2 = -1

[service.bench-chat]
_type = builtin
_service = request-chat
_ttl = 864000
_chat_idle_timeout = 0

[service.bench-ors]
_type = ors
_service = callback
_ors = http://127.0.0.1:$SINK_PORT
_request_execution_time_buffer = 0
_max_request_by_time_bucket = 100000
_max_queued_callbacks_per_service = -1
_throttle_callbacks_per_service_1 = -1
_throttle_callbacks_per_service_2 = -1
INI
sed -i -e 's/^scan_interval = .*/scan_interval = 1/' "$BENCH_CONF/gms.ini"
java bench/CallbackSink.java "$SINK_PORT" & SINK_PID=$!
cleanup() { kill "$SINK_PID" 2>/dev/null || true; bench_finish; }
trap cleanup EXIT
bench_start
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# (a) creation: wrk until N callbacks exist (counted by the admin watermarks? no: scheduled ones are
# not in them), so run wrk for a duration sized from a short probe
export BENCH_FROM=$(( $(date +%s) + 3600 ))
t0=$(date +%s.%N)
done_n=0
CREATE_MAX_S=${BENCH_CREATE_MAX_S:-1200}
ROUND_S=${BENCH_CREATE_WRK_S:-10}
wrk_ok() { # SECONDS CONNECTIONS LUA URL: one wrk round, how many requests were answered 2xx
  local out reqs errs
  out=$(timeout 600 wrk -t2 -c"$2" -d"$1"s -s "$3" "$4")
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  errs=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo $((${reqs:-0} - ${errs:-0}))
}
wrk_round() { wrk_ok "$ROUND_S" 16 bench/wrk-callback.lua "$BASE/1/service/callback/bench-cb"; } # starts created
while [ "$done_n" -lt "$N" ] && [ "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{print int(b-a)}')" -lt "$CREATE_MAX_S" ]; do
  done_n=$((done_n + $(wrk_round)))
  echo "created so far: $done_n" >&2
done
t1=$(date +%s.%N)
CREATE_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
CREATE_RPS=$(awk -v n="$done_n" -v s="$CREATE_S" 'BEGIN{printf "%.0f", n/s}')

# (a') creation with group commit on, off, on again ([storage] group_commit, applied without
# restart), one wrk round each with the N callbacks stored: the figure without group commit in the
# same run and state
round_rps() { awk -v n="$(wrk_round)" -v s="$ROUND_S" 'BEGIN{printf "%.0f", n/s}'; }
ON1_RPS=$(round_rps)
bench_group_commit 1
OFF_RPS=$(round_rps)
bench_group_commit 64
ON2_RPS=$(round_rps)

# (b) availability over 7 days (calendar engine's endpoint; skipped when absent)
START=$(date -u -d @"$BENCH_FROM" +%Y-%m-%dT%H:%M:%S.000Z)
AV=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE/1/service/callback/bench-cb/availability?start=$START&number-of-days=7")

# (c) lateness: DUE callbacks desired within one minute starting 90 s from now
due_from=$(( $(date +%s) + ${BENCH_DUE_IN:-90} ))
for i in $(seq 1 "$DUE"); do
  t=$(( due_from + (i % 60) ))
  printf '{"_customer_number":"9%06d","_desired_time":"%s"}\n' "$i" "$(date -u -d @"$t" +%Y-%m-%dT%H:%M:%S.000Z)"
done | xargs -d '\n' -P 8 -I{} curl -s -o /dev/null -H 'Content-Type: application/json' -d '{}' "$BASE/1/service/callback/bench-ors"
deadline=$((SECONDS + 300))
while :; do
  stats=$(curl -s "http://127.0.0.1:$SINK_PORT/stats" || echo "0 0 0 0")
  read -r cnt p50 p99 max <<<"$stats"
  [ "$cnt" -ge "$DUE" ] && break
  [ $SECONDS -ge $deadline ] && { echo "only $cnt of $DUE submitted in time" >&2; break; }
  sleep 2
done

# (c') chats left open over the restart: wrk rounds until BENCH_OPEN_CHATS were answered 200
OPEN_CHATS=${BENCH_OPEN_CHATS:-10000}
opened=0
while [ "$opened" -lt "$OPEN_CHATS" ]; do
  n=$(wrk_ok 5 8 bench/wrk-chat-v2.lua "$BASE/2/chat/bench-chat")
  [ "$n" -gt 0 ] || { echo "no chat opened in 5 s" >&2; break; }
  opened=$((opened + n))
  echo "chats opened so far: $opened" >&2
done

# (d) restart with everything stored
bench_stop; MVN_PID=
r0=$SECONDS
bench_start
RESTART_S=$((SECONDS - r0))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "$(date -u +%FT%TZ) $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| scheduled callbacks created | $done_n in ${CREATE_S} s ($CREATE_RPS/s, wrk -t2 -c16) |"
echo "| created per second, group commit on / off / on (one round each, all stored) | $ON1_RPS / $OFF_RPS / $ON2_RPS |"
echo "| availability, 7 days (status, seconds) | $AV |"
echo "| $DUE due in one minute: submitted | $cnt |"
echo "| lateness p50 / p99 / max (ms, desired → ORS sink) | $p50 / $p99 / $max |"
echo "| chats open at the restart (Chat API v2, waiting in the queue) | $opened |"
echo "| restart to ONLINE with all rows stored (s; nothing re-armed) | $RESTART_S |"
echo "| restart: server JVM start to ONLINE (s, build excluded) | $BENCH_ONLINE_S |"
