#!/usr/bin/env bash
# The Docker test (CI): on a Debian machine as root, installs what it needs (docker.io,
# docker-compose, debootstrap, python3, curl), starts dockerd when none runs, builds the base and
# all images (docker/build.sh; kept images and layers are reused), then
#  1. starts the Compose topology (PostgreSQL, two WildFly nodes, HAProxy) and waits for it to be
#     healthy (bounded), runs docker/smoke.py through the balancer (and the chat on node 1), and
#  2. runs the Payara Micro image alone (H2 in its volume; started before the topology, so that the
#     boots overlap), waits for its health check and checks the Node API and a Storage write/read.
# Everything it started is removed on exit (containers, networks, volumes; a dockerd it started is
# stopped); the images stay, as a cache for the next run. Ports (127.0.0.1 only):
# GMS_DOCKER_TEST_PORT (default 18080) for the balancer, +1 and +2 for the nodes, +10 for Payara.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

port=${GMS_DOCKER_TEST_PORT:-18080}
export GMS_HTTP_PORT=$port GMS_NODE1_PORT=$((port + 1)) GMS_NODE2_PORT=$((port + 2))
payara_port=$((port + 10))
project=opengms-test
payara=opengms-test-payara
smoke_result=$(mktemp)
compose=(docker-compose -f docker/compose.yaml -f docker/compose.test.yaml -p "$project")

export DEBIAN_FRONTEND=noninteractive
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

GMS_DOCKERD_PID=
# shellcheck source=docker/lib.sh
. "$here/lib.sh"
ensure_docker

cleanup() {
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "== FAILED after $(elapsed); last log lines:"
    "${compose[@]}" logs --no-color --tail=40 2>/dev/null || true
    docker logs --tail 40 "$payara" 2>&1 || true
  fi
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  docker rm -f -v "$payara" >/dev/null 2>&1 || true
  docker volume rm "$payara-data" >/dev/null 2>&1 || true
  rm -f "$smoke_result"
  if [ -n "$GMS_DOCKERD_PID" ]; then
    kill "$GMS_DOCKERD_PID" 2>/dev/null || true
    wait "$GMS_DOCKERD_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT

# Waits until the container's health check says healthy, at most $2 seconds; fails early when it
# is unhealthy or has stopped.
wait_healthy() {
  local deadline=$(($(date +%s) + $2)) state
  while :; do
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1" 2>/dev/null) \
      || { echo "container $1 does not exist" >&2; return 1; }
    case "$state" in
      "running healthy") return 0 ;;
      "running unhealthy"|exited*|dead*) echo "container $1: $state" >&2; return 1 ;;
    esac
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "container $1 not healthy within $2 s: $state" >&2; return 1; fi
    sleep 2
  done
}

echo "== build (docker/build.sh)"
# leftovers of an interrupted earlier run
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
docker rm -f -v "$payara" >/dev/null 2>&1 || true
docker volume rm "$payara-data" >/dev/null 2>&1 || true
sh docker/build.sh
echo "== images built ($(elapsed))"

# Payara Micro boots meanwhile (its boot is mostly single-threaded, as the nodes' are).
echo "== Payara Micro image alone on 127.0.0.1:$payara_port (H2 in its volume), started now, checked after the topology"
docker run -d --name "$payara" -p "127.0.0.1:$payara_port:8080" -v "$payara-data:/data" opengms-payara:local >/dev/null

echo "== Compose topology: PostgreSQL, node1, node2 (WildFly), HAProxy on 127.0.0.1:$port"
# up -d waits for the healthy dependencies (PostgreSQL, then both nodes) before it starts HAProxy.
# Its own failure (a node unhealthy) is reported by the wait below.
timeout 600 "${compose[@]}" up -d --no-build || true
wait_healthy "${project}_balancer_1" 120
echo "== topology healthy ($(elapsed))"
python3 docker/smoke.py "http://127.0.0.1:$port" "http://127.0.0.1:$GMS_NODE1_PORT" "http://127.0.0.1:$GMS_NODE2_PORT" \
  | tee "$smoke_result"
passed=$(tail -1 "$smoke_result" | sed -n 's/^smoke: \([0-9]*\) passed, 0 failed$/\1/p')
[ -n "$passed" ] || exit 1
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
echo "== topology checked and removed ($(elapsed))"

echo "== Payara Micro image alone"
wait_healthy "$payara" 420
status=$(curl -fsS "http://127.0.0.1:$payara_port/genesys/1/admin/node/status")
[ "$status" = ONLINE ] || { echo "Payara node status: '$status'" >&2; exit 1; }
echo "ok: Payara node status ONLINE"
id=$(curl -fsS -d greeting=hello "http://127.0.0.1:$payara_port/genesys/1/storage/60" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
value=$(curl -fsS "http://127.0.0.1:$payara_port/genesys/1/storage/$id/greeting")
[ "$value" = hello ] || { echo "Payara storage read: '$value'" >&2; exit 1; }
echo "ok: Payara storage create and read (H2 in /data)"
docker stop -t 30 "$payara" >/dev/null
echo "== docker/test.sh passed in $(elapsed)"
echo "docker: $((passed + 2)) passed, 0 failed"
