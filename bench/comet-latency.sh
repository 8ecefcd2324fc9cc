#!/usr/bin/env bash
# CometD publish-to-receive latency (issue 4): CLIENTS websocket clients (official CometD Java
# client, src/test/java/org/opengms/bench/CometLatencyBench.java), each with its own gms_user,
# subscribed to /_genesys and owning a comet notification subscription lat.<user>; then ROUNDS
# publishes to random users, timing until the client receives it. Usage: bench/comet-latency.sh
# [CLIENTS...] (default 1000). Starts its own server (ports 9180/11180/9543/11183, temp data dir,
# bench config) once and runs each client count against it; stops it at the end.
# Env: ROUNDS (2000), PUBLISHERS (4). The server's [cometd] max_sessions (10000) bounds CLIENTS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2000}
PUBLISHERS=${PUBLISHERS:-4}
COUNTS=("${@:-1000}")
. bench/bench-server.sh
trap bench_stop EXIT
# compile the load client against the test classpath into the temp dir (target/ is left alone)
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_TMP/cp.txt" >&2
CP="$(cat "$BENCH_TMP/cp.txt")"
mkdir -p "$BENCH_TMP/classes"
javac -d "$BENCH_TMP/classes" -cp "$CP" src/test/java/org/opengms/bench/CometLatencyBench.java
bench_start
echo "ulimit -n: $(ulimit -n); server [cometd] max_sessions: $(awk -F' *= *' '/^max_sessions /{print $2}' "$BENCH_CONF/gms.ini")" >&2
for n in "${COUNTS[@]}"; do
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  timeout 600 java -Xmx1g -cp "$BENCH_TMP/classes:$CP" org.opengms.bench.CometLatencyBench "$BASE" "$n" "$ROUNDS" "$PUBLISHERS" \
    2>"$BENCH_TMP/client-$n.err" | tee "$BENCH_TMP/client-$n.out" >&2 || echo "client run for $n ended with $?" >&2
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "LOADAVG clients=$n before $LOAD_BEFORE after $LOAD_AFTER"
  grep -E '^(SETUP|RESULT)' "$BENCH_TMP/client-$n.out" || { echo "no result for $n; client stderr:"; tail -20 "$BENCH_TMP/client-$n.err"; }
  sleep 12   # let the server expire disconnected sessions before the next count
done
echo "server log warnings/errors (first 20):"
grep -E 'WARN|ERROR' "$BENCH_TMP/server.log" | grep -v -i 'deprecat' | head -20 || true
