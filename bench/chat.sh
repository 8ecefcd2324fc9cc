#!/usr/bin/env bash
# Chats over CometD end to end (issue 5): AGENTS agents on CometD (HTTP Basic handshake, channel
# /_opengms/agent) and CHATS customers on CometD (gms_user, notify_by=comet), all official CometD
# Java clients over websocket (src/test/java/org/opengms/bench/ChatBench.java). Measures chats/s
# of set-up, then ROUNDS message rounds customer → agent (push) → agent reply → customer (push).
# MODES: v1 = the customers above; v2 = Chat API v2 customers over CometD websocket WITHOUT
# gms_user, requestChat / sendMessage on /service/chatV2/request-chat, answers and agent events on
# that channel (ChatBenchV2Customer.java); the same agents and measures. Each count runs every mode,
# one after the other, against the same server; after each the server's RSS (VmRSS/VmHWM of the
# WildFly JVM) is printed (the client also reads VmRSS while its chats are open).
# Usage: bench/chat.sh [CHATS...] (default 1000 10000). Starts its own server (ports
# 9180/11180/9543/11183, temp data dir, bench/chat-gms.ini plus AGENTS agent sections with
# max_chats 100) once, runs each count against it (each run ends its chats), stops it at the end.
# Env: MODES ("v1 v2"), AGENTS (100, so up to 10 000 chats), ROUNDS (2000), CONCURRENCY (8).
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS=${AGENTS:-100}
ROUNDS=${ROUNDS:-2000}
CONCURRENCY=${CONCURRENCY:-8}
# shellcheck disable=SC2206
MODES=(${MODES:-v1 v2})
COUNTS=("${@:-1000 10000}")
# shellcheck disable=SC2206
COUNTS=(${COUNTS[@]})
BENCH_INI=bench/chat-gms.ini
. bench/bench-server.sh
trap bench_finish EXIT
for ((k = 0; k < AGENTS; k++)); do
  printf '\n[user.bench%d]\npassword = bench%d\nroles = agent\nnickname = Agent %d\nmax_chats = 100\n' \
    "$k" "$k" "$k" >>"$BENCH_CONF/gms.ini"
done
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_TMP/cp.txt" >&2
CP="$(cat "$BENCH_TMP/cp.txt")"
mkdir -p "$BENCH_TMP/classes"
javac -d "$BENCH_TMP/classes" -cp "$CP" src/test/java/org/opengms/bench/ChatBench.java \
  src/test/java/org/opengms/bench/ChatBenchV2Customer.java
bench_start
echo "ulimit -n: $(ulimit -n); agents: $AGENTS x max_chats 100" >&2
SERVER_PID=$(bench_server_pid)
echo "server JVM pid: ${SERVER_PID:-not found}; modes: ${MODES[*]}" >&2
rss() { grep -E '^Vm(RSS|HWM)' "/proc/$SERVER_PID/status" 2>/dev/null | tr -s ' \t' ' ' | tr '\n' ' '; }
for n in "${COUNTS[@]}"; do
  for mode in "${MODES[@]}"; do
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    bench_jfr_start "chat-$mode-$n"   # BENCH_JFR=1 only: set-up and rounds of this run
    timeout 660 java -Xmx1g -cp "$BENCH_TMP/classes:$CP" org.opengms.bench.ChatBench "$BASE" "$n" "$AGENTS" "$ROUNDS" "$CONCURRENCY" \
      "$mode" "${SERVER_PID:-}" 2>"$BENCH_TMP/client-$mode-$n.err" | tee "$BENCH_TMP/client-$mode-$n.out" >&2 || echo "client run $mode $n ended with $?" >&2
    bench_jfr_stop "chat-$mode-$n"
    LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "LOADAVG mode=$mode chats=$n before $LOAD_BEFORE after $LOAD_AFTER"
    echo "RSS mode=$mode chats=$n after the run (chats ended): $(rss)"
    grep -E '^(SETUP|RESULT)' "$BENCH_TMP/client-$mode-$n.out" || { echo "no result for $mode $n; client stderr:"; tail -20 "$BENCH_TMP/client-$mode-$n.err"; }
    sleep 15   # let the server expire the disconnected sessions before the next run
  done
done
echo "server log warnings/errors (first 20):"
grep -E 'WARN|ERROR' "$BENCH_TMP/server.log" | grep -v -i -e 'deprecat' -e 'plain-text password' | head -20 || true
