#!/usr/bin/env bash
# Chats over CometD end to end (issue 5): AGENTS agents on CometD (HTTP Basic handshake, channel
# /_opengms/agent) and CHATS customers on CometD (gms_user, notify_by=comet), all official CometD
# Java clients over websocket (src/test/java/org/opengms/bench/ChatBench.java). Measures chats/s
# of set-up, then ROUNDS message rounds customer → agent (push) → agent reply → customer (push).
# Usage: bench/chat.sh [CHATS...] (default 1000 10000). Starts its own server (ports
# 9180/11180/9543/11183, temp data dir, bench/chat-gms.ini plus AGENTS agent sections with
# max_chats 100) once, runs each count against it (each run ends its chats), stops it at the end.
# Env: AGENTS (100, so up to 10 000 chats), ROUNDS (2000), CONCURRENCY (8).
set -euo pipefail
cd "$(dirname "$0")/.."
AGENTS=${AGENTS:-100}
ROUNDS=${ROUNDS:-2000}
CONCURRENCY=${CONCURRENCY:-8}
COUNTS=("${@:-1000 10000}")
# shellcheck disable=SC2206
COUNTS=(${COUNTS[@]})
BENCH_INI=bench/chat-gms.ini
. bench/bench-server.sh
trap bench_stop EXIT
for ((k = 0; k < AGENTS; k++)); do
  printf '\n[user.bench%d]\npassword = bench%d\nroles = agent\nnickname = Agent %d\nmax_chats = 100\n' \
    "$k" "$k" "$k" >>"$BENCH_CONF/gms.ini"
done
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_TMP/cp.txt" >&2
CP="$(cat "$BENCH_TMP/cp.txt")"
mkdir -p "$BENCH_TMP/classes"
javac -d "$BENCH_TMP/classes" -cp "$CP" src/test/java/org/opengms/bench/ChatBench.java
bench_start
echo "ulimit -n: $(ulimit -n); agents: $AGENTS x max_chats 100" >&2
for n in "${COUNTS[@]}"; do
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  timeout 660 java -Xmx1g -cp "$BENCH_TMP/classes:$CP" org.opengms.bench.ChatBench "$BASE" "$n" "$AGENTS" "$ROUNDS" "$CONCURRENCY" \
    2>"$BENCH_TMP/client-$n.err" | tee "$BENCH_TMP/client-$n.out" >&2 || echo "client run for $n ended with $?" >&2
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "LOADAVG chats=$n before $LOAD_BEFORE after $LOAD_AFTER"
  grep -E '^(SETUP|RESULT)' "$BENCH_TMP/client-$n.out" || { echo "no result for $n; client stderr:"; tail -20 "$BENCH_TMP/client-$n.err"; }
  sleep 15   # let the server expire the disconnected sessions before the next count
done
echo "server log warnings/errors (first 20):"
grep -E 'WARN|ERROR' "$BENCH_TMP/server.log" | grep -v -i -e 'deprecat' -e 'plain-text password' | head -20 || true
