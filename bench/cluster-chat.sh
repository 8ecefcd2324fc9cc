#!/usr/bin/env bash
# Chat on one node and on two nodes behind the balancer, in one run (issue 15): starts the cluster
# topology of .ci/cluster/run.sh (PostgreSQL, two WildFly nodes, HAProxy: REST round-robin, CometD
# sticky) with AGENTS bench agents, then bench/chat.sh's client (ChatBench: CometD customers and
# agents over websocket, v1 chats) twice: every client on node1 (node2 running, hearing node1's
# signals), then every client through the balancer (customers and agents spread over both nodes, so
# most events cross nodes). Prints each run's SETUP/RESULT lines. Every process shares this
# machine's cores: the figures show what chat across nodes costs here, not what a second machine
# would give. Needs root on Debian (as run.sh).
#
#   CLUSTER_PORT=29000  first of the ports run.sh uses (balancer +0, node1 +20, node2 +30)
#   CHATS=500 AGENTS=10 ROUNDS=1000 CONCURRENCY=8
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_PORT=${CLUSTER_PORT:-29000}
CHATS=${CHATS:-500}
AGENTS=${AGENTS:-10}
ROUNDS=${ROUNDS:-1000}
CONCURRENCY=${CONCURRENCY:-8}
P=$CLUSTER_PORT
WORK=$(mktemp -d /tmp/opengms-cluster-chat.XXXXXX)
trap '.ci/cluster/run.sh stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# the bench agents serve request-chat's queue (default); server-config's [cometd] limits hold
: >"$WORK/extra.ini"
for ((k = 0; k < AGENTS; k++)); do
  printf '\n[user.bench%d]\npassword = bench%d\nroles = agent\nnickname = Agent %d\nmax_chats = 100\n' \
    "$k" "$k" "$k" >>"$WORK/extra.ini"
done
CLUSTER_EXTRA_INI="$WORK/extra.ini" .ci/cluster/run.sh start >"$WORK/cluster.log" 2>&1 ||
  { tail -40 "$WORK/cluster.log" >&2; exit 1; }

mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >&2
CP="$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" src/test/java/org/opengms/bench/ChatBench.java \
  src/test/java/org/opengms/bench/ChatBenchV2Customer.java

echo "- $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores, PostgreSQL $(ls /etc/postgresql | sort -n | tail -1)"
echo "- $CHATS chats, $AGENTS agents, $ROUNDS rounds, concurrency $CONCURRENCY (ChatBench v1, websocket)"
for target in "node1 (one node)|http://127.0.0.1:$((P + 20))/genesys" "HAProxy, two nodes|http://127.0.0.1:$P/genesys"; do
  name=${target%%|*}
  base=${target#*|}
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  timeout 660 java -Xmx1g -cp "$WORK/classes:$CP" org.opengms.bench.ChatBench "$base" "$CHATS" "$AGENTS" "$ROUNDS" \
    "$CONCURRENCY" v1 "" 2>"$WORK/client.err" >"$WORK/client.out" || echo "client run ($name) ended with $?" >&2
  echo "### $name (load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg))"
  grep -E '^(SETUP|RESULT)' "$WORK/client.out" || { echo "no result; client stderr:"; tail -20 "$WORK/client.err"; }
  sleep 15 # let the nodes expire the disconnected sessions before the next run
done
echo "node warnings/errors (first 10):"
grep -hE 'WARN|ERROR|SEVERE' target/cluster/node*/server.log | grep -v -i -e deprecat -e 'plain-text password' | head -10 || true
