#!/usr/bin/env bash
# CometD publish-to-receive latency and loss (issues 4, 13, 16): CLIENTS websocket clients
# (official CometD Java client, src/test/java/org/opengms/bench/CometLatencyBench.java), each with
# its own gms_user, subscribed to /_genesys and owning a comet notification subscription
# lat.<user>; they stay connected CONNECTED_SECS, then ROUNDS publishes to random users, timing
# until the client receives it (lost = not received within 10 s).
# Usage: bench/comet-latency.sh [CLIENTS...] (default 1000).
# TARGET=opengms (default) | reference | both: OpenGMS started with the README run command (ports
# 9180/11180/9543/11183, temp data dir, BENCH_INI config, -Dgms.heap=$SERVER_HEAP), and/or the
# reference, CometD 8 on Jetty 12 (bench/cometd-reference, built from Maven Central here, port
# REF_PORT (9390), same heap), in the same run, one after the other.
# Env: ROUNDS (2000), PUBLISHERS per client JVM (4), CONNECTED_SECS (0), CLIENTS_PER_JVM (7000:
# a process may hold 20000 files here), CLIENT_HEAP (1536m), SERVER_HEAP (2g), BENCH_INI, BENCH_SED.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2000}
PUBLISHERS=${PUBLISHERS:-4}
CONNECTED_SECS=${CONNECTED_SECS:-0}
CLIENTS_PER_JVM=${CLIENTS_PER_JVM:-7000}
CLIENT_HEAP=${CLIENT_HEAP:-1536m}
SERVER_HEAP=${SERVER_HEAP:-2g}
TARGET=${TARGET:-opengms}
REF_PORT=${REF_PORT:-9390}
COUNTS=("${@:-1000}")
. bench/bench-server.sh
# the Node counters of /1/metrics need a statistic login, whatever the bench config has
grep -q '^\[user.stats\]' "$BENCH_CONF/gms.ini" || printf '\n[user.stats]\npassword = stats\nroles = statistic\n' >>"$BENCH_CONF/gms.ini"
REF_PID=
cleanup() { [ -n "$REF_PID" ] && kill "$REF_PID" 2>/dev/null; bench_finish; }
trap cleanup EXIT

mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_TMP/cp.txt" >&2
CP="$(cat "$BENCH_TMP/cp.txt")"
mkdir -p "$BENCH_TMP/classes"
javac -d "$BENCH_TMP/classes" -cp "$CP" src/test/java/org/opengms/bench/CometLatencyBench.java

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_mib() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# one count against BASE: client JVMs of at most CLIENTS_PER_JVM clients each, rounds shared out
run_count() { # label n server_pid
  local label=$1 n=$2 pid=$3 jvms first=0 pids=() k=0
  jvms=$(( (n + CLIENTS_PER_JVM - 1) / CLIENTS_PER_JVM ))
  local per=$(( (n + jvms - 1) / jvms )) rounds=$(( (ROUNDS + jvms - 1) / jvms ))
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  local ticks0; ticks0=$(cpu_ticks "$pid")
  while [ "$first" -lt "$n" ]; do
    local c=$(( n - first < per ? n - first : per ))
    LAT_FILE="$BENCH_TMP/lat-$label-$n-$k" CONNECTED_SECS="$CONNECTED_SECS" \
      timeout $((900 + CONNECTED_SECS)) java -Xmx"$CLIENT_HEAP" -cp "$BENCH_TMP/classes:$CP" \
      org.opengms.bench.CometLatencyBench "$BASE" "$c" "$rounds" "$PUBLISHERS" "$first" \
      >"$BENCH_TMP/client-$label-$n-$k.out" 2>"$BENCH_TMP/client-$label-$n-$k.err" &
    pids+=($!); first=$((first + c)); k=$((k + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || echo "a client JVM for $label/$n ended with $?" >&2; done
  local rss; rss=$(rss_mib "$pid")
  local cpu_s; cpu_s=$(awk -v a="$ticks0" -v b="$(cpu_ticks "$pid")" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", (b-a)/hz}')
  # publishes/s: the sum over the client JVMs (each publishes its share of the rounds in parallel)
  local pps; pps=$(grep -ho 'publishes_per_s=[0-9.]*' "$BENCH_TMP"/client-"$label-$n"-*.out 2>/dev/null | cut -d= -f2 | awk '{s+=$1} END{printf "%.1f", s}')
  grep -h '^SETUP' "$BENCH_TMP"/client-"$label-$n"-*.out >&2 || true
  cat "$BENCH_TMP"/lat-"$label-$n"-* 2>/dev/null | sort -n | awk -v label="$label" -v n="$n" -v rss="$rss" \
     -v lb="$load_before" -v cpu="$cpu_s" -v pps="$pps" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" -v cs="$CONNECTED_SECS" '
    $1 < 0 { lost++; next } { v[++ok] = $1 }
    END {
      if (ok == 0) { printf "RESULT %s clients=%d connected_secs=%d received=0 lost=%d rss_mib=%s\n", label, n, cs, lost, rss; exit }
      p99 = int(ok * 0.99 + 0.999); if (p99 < 1) p99 = 1
      printf "RESULT %s clients=%d connected_secs=%d rounds=%d received=%d lost=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f publishes_per_s=%s server_cpu_s=%s server_rss_mib=%s load_before=%s load_after=%s\n",
        label, n, cs, ok + lost, ok, lost, v[int((ok + 1) / 2)] / 1000, v[p99] / 1000, v[ok] / 1000, pps, cpu, rss, lb, la }'
}

counters() {
  curl -fsS -u stats:stats "$BASE/1/metrics" 2>/dev/null | grep -E '^gms_node_' | tr '\n' ' ' || true
}

if [ "$TARGET" = opengms ] || [ "$TARGET" = both ]; then
  bench_start -Dgms.heap="$SERVER_HEAP"
  SERVER_PID=$(bench_server_pid)
  echo "ulimit -n: $(ulimit -n); config $(basename "${BENCH_INI:-server-config/gms.ini}"): max_sessions $(awk -F' *= *' '/^max_sessions /{print $2}' "$BENCH_CONF/gms.ini")" >&2
  for n in "${COUNTS[@]}"; do
    run_count opengms "$n" "$SERVER_PID"
    echo "COUNTERS opengms clients=$n $(counters)"
    sleep 12 # let the server expire the disconnected sessions before the next count
  done
  grep -E 'WARN|ERROR' "$BENCH_TMP/server.log" | grep -v -i 'deprecat' | head -20 >&2 || true
  bench_stop; MVN_PID=
fi

if [ "$TARGET" = reference ] || [ "$TARGET" = both ]; then
  (cd bench/cometd-reference && mvn -B -q package -DskipTests && \
    mvn -B -q dependency:build-classpath -Dmdep.outputFile="$BENCH_TMP/refcp.txt") >&2
  java -Xmx"$SERVER_HEAP" -cp "bench/cometd-reference/target/cometd-reference-1.jar:$(cat "$BENCH_TMP/refcp.txt")" \
    org.opengms.bench.reference.ReferenceServer "$REF_PORT" >"$BENCH_TMP/reference.log" 2>&1 &
  REF_PID=$!
  BASE="http://127.0.0.1:$REF_PORT/genesys"
  for _ in $(seq 1 60); do curl -fsS "$BASE/1/admin/node/status" >/dev/null 2>&1 && break; sleep 1; done
  for n in "${COUNTS[@]}"; do
    run_count reference "$n" "$REF_PID"
    sleep 12
  done
fi
