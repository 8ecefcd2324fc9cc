#!/usr/bin/env bash
# Storage throughput on one node and on two nodes behind the balancer, in one run (issue 15):
# starts the cluster topology of .ci/cluster/run.sh (PostgreSQL, two WildFly nodes, HAProxy
# round-robin), then wrk against node1 directly and against the balancer for node/status (the
# floor), storage create (3 keys, URL-encoded) and storage query all (3 keys), and stops it all.
# Every process (both nodes, PostgreSQL, HAProxy, wrk) shares this machine's cores, so two nodes
# cannot double the throughput here: the figures show what the second node and the balancer cost
# or give on one machine, not what a second machine would. Needs root on Debian (as run.sh).
#
#   CLUSTER_PORT=28000  first of the ports run.sh uses (balancer +0, node1 +20, node2 +30)
#   THREADS=2 CONNECTIONS=16 DURATION=20 WARMUP=10   wrk (seconds)
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_PORT=${CLUSTER_PORT:-28000}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
P=$CLUSTER_PORT
NODE1="http://127.0.0.1:$((P + 20))/genesys/1"
LB="http://127.0.0.1:$P/genesys/1"
LUA="$PWD/bench/wrk.lua"
WORK=$(mktemp -d /tmp/opengms-cluster-bench.XXXXXX)

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
trap '.ci/cluster/run.sh stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
.ci/cluster/run.sh start >"$WORK/cluster.log" 2>&1 || { tail -40 "$WORK/cluster.log" >&2; exit 1; }

printf 'Key1=Value1&Key2=Value2&Key3=Value3' >"$WORK/form"
AREA=$(curl -fsS --max-time 10 -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-binary @"$WORK/form" "$NODE1/storage/3600" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$AREA" ] || { echo "bench: storage create refused" >&2; exit 1; }

# one wrk run: prints "rps p50_ms p99_ms bad" from bench/wrk.lua's BENCH_RESULT line
measure() { # measure <seconds> <url> <expect> [POST]
  local out
  if [ "${4:-}" = POST ]; then
    out=$(BENCH_METHOD=POST BENCH_CONTENT_TYPE=application/x-www-form-urlencoded \
      BENCH_BODY_FILE="$WORK/form" BENCH_EXPECT="$3" \
      wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$LUA" -d"${1}s" "$2")
  else
    out=$(BENCH_EXPECT="$3" wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$LUA" -d"${1}s" "$2")
  fi
  echo "$out" | sed -n 's/.*BENCH_RESULT .*rps=\([0-9.]*\) p50_us=\([0-9]*\) p99_us=\([0-9]*\) bad=\([0-9]*\).*/\1 \2 \3 \4/p' |
    awk '{printf "%.0f %.2f %.2f %d\n", $1, $2 / 1000, $3 / 1000, $4}'
}

row() { # row <what> <url> <expect> [POST]
  measure "$WARMUP" "$2" "$3" "${4:-}" >/dev/null
  read -r rps p50 p99 bad < <(measure "$DURATION" "$2" "$3" "${4:-}")
  printf '| %s | %s | %s | %s / %s ms | %s |\n' "$1" "$5" "$rps" "$p50" "$p99" "$bad"
}

echo "- $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s measured after ${WARMUP} s warm-up; PostgreSQL $(ls /etc/postgresql | sort -n | tail -1)"
echo
echo '| request | through | req/s | p50 / p99 | bad |'
echo '|---|---|---:|---:|---:|'
for target in "node1 (one node)|$NODE1" "HAProxy, two nodes|$LB"; do
  name=${target%%|*}
  base=${target#*|}
  row "node/status" "$base/admin/node/status" ONLINE "" "$name"
  row "storage create (3 keys)" "$base/storage/3600" '"id"' POST "$name"
  row "storage query all (3 keys)" "$base/storage/$AREA" '"Key3":"Value3"' "" "$name"
done
echo "- load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
