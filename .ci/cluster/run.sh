#!/usr/bin/env bash
# Cluster test: two WildFly nodes on one PostgreSQL behind HAProxy, then ClusterIT through the
# balancer (comet notification across nodes, storage binary on either node, queued cap and rate
# window over both nodes, a scheduled callback started once), ClusterChatIT (a chat served across
# the nodes) and ClusterFailoverIT (kill -9 of node2 in the middle of a chat). Needs root on Debian (installs
# haproxy and postgresql when missing). Builds the WAR and the unpacked WildFly first.
#
#   CLUSTER_PORT=25000  first of the 50 ports used: balancer +0, PostgreSQL +10, node1 +20..+26,
#                       node2 +30..+36
#   KEEP=1              leave the cluster running afterwards (stop: .ci/cluster/run.sh stop)
#   CLUSTER_EXTRA_INI   a file appended to both nodes' gms.ini (bench/cluster-chat.sh: its agents)
# .ci/cluster/run.sh start: only start the topology and leave it running (bench/cluster-storage.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
P=${CLUSTER_PORT:-25000}
LB_PORT=$P PG_PORT=$((P + 10))
DIR="$ROOT/target/cluster"
PG_NAME=gmscluster$P
DB=gms_cluster

pg_version() { ls /etc/postgresql 2>/dev/null | sort -n | tail -1; }

stop_all() {
  for n in 1 2; do
    if [ -f "$DIR/node$n/pid" ]; then
      pid=$(cat "$DIR/node$n/pid")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$DIR/node$n/pid"
    fi
  done
  if [ -f "$DIR/haproxy.pid" ]; then kill -TERM "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true; rm -f "$DIR/haproxy.pid"; fi
  v=$(pg_version)
  if [ -n "$v" ] && [ -d "/etc/postgresql/$v/$PG_NAME" ]; then pg_dropcluster --stop "$v" "$PG_NAME" || true; fi
}

if [ "${1:-}" = stop ]; then stop_all; exit 0; fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v haproxy >/dev/null 2>&1 || ! command -v pg_createcluster >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends haproxy postgresql curl >/dev/null
fi

echo "== build: WAR and the unpacked WildFly (mvn pre-integration-test)"
mvn -B -q pre-integration-test -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false
WILDFLY=$(ls -d "$ROOT"/target/wildfly-it/wildfly-*/ | head -1)
WILDFLY=${WILDFLY%/}

stop_all
[ "${KEEP:-0}" = 1 ] || [ "${1:-}" = start ] || trap stop_all EXIT
rm -rf "$DIR"
mkdir -p "$DIR/conf" "$DIR/shared/blobs"

echo "== PostgreSQL $(pg_version) cluster $PG_NAME on 127.0.0.1:$PG_PORT"
v=$(pg_version)
pg_createcluster -q "$v" "$PG_NAME" -p "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
pg_ctlcluster "$v" "$PG_NAME" start
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p $PG_PORT" && break; sleep 1; done
su postgres -c "psql -q -p $PG_PORT -c \"CREATE ROLE $DB LOGIN PASSWORD '$DB'\" -c \"CREATE DATABASE $DB OWNER $DB\""

# one configuration for both nodes: the default file, comet and loopback callbacks allowed,
# callbacks scanned every second, the services the test uses
cp server-config/localization.xml "$DIR/conf/"
sed -e 's/^pushEnabled = .*/pushEnabled = comet,httpcb/' \
  -e 's|^outbound_allow =.*|outbound_allow = 127.0.0.1/32|' \
  -e 's/^scan_interval = .*/scan_interval = 1/' server-config/gms.ini >"$DIR/conf/gms.ini"
cat .ci/cluster/cluster-gms.ini >>"$DIR/conf/gms.ini"
if [ -n "${CLUSTER_EXTRA_INI:-}" ]; then cat "$CLUSTER_EXTRA_INI" >>"$DIR/conf/gms.ini"; fi

start_node() { # start_node <n> <first port>
  local n=$1 port=$2 node="$DIR/node$1"
  mkdir -p "$node/data"
  cp -r "$WILDFLY/standalone" "$node/standalone"
  rm -rf "$node/standalone/data" "$node/standalone/tmp" "$node/standalone/log" "$node/standalone/deployments/"*
  sed -i -e "s/name=\"txn-recovery-environment\" port=\"[0-9]*\"/name=\"txn-recovery-environment\" port=\"$((port + 5))\"/" \
    -e "s/name=\"txn-status-manager\" port=\"[0-9]*\"/name=\"txn-status-manager\" port=\"$((port + 6))\"/" \
    "$node/standalone/configuration/standalone.xml"
  cp target/genesys.war "$node/standalone/deployments/"
  JBOSS_PIDFILE="$node/pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms64m -Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman" \
    "$WILDFLY/bin/standalone.sh" -Djboss.server.base.dir="$node/standalone" -Djboss.node.name="node$n" \
    -Djboss.tx.node.id="node$n" -Dgms.node.name="node$n" -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
    -Djboss.http.port="$port" -Djboss.https.port=$((port + 1)) -Djboss.management.http.port=$((port + 2)) \
    -Djboss.management.https.port=$((port + 3)) -Djboss.ajp.port=$((port + 4)) \
    -Dgms.config="$DIR/conf/gms.ini" -Dgms.data.dir="$node/data" -Dgms.blob.dir="$DIR/shared/blobs" \
    -Dgms.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Dgms.db.user=$DB -Dgms.db.password=$DB \
    >"$node/server.log" 2>&1 &
}

wait_online() { # wait_online <n> <port>
  local deadline=$((SECONDS + 300))
  until curl -fsS --max-time 2 "http://127.0.0.1:$2/genesys/1/admin/node/status" 2>/dev/null | grep -q ONLINE; do
    if [ $SECONDS -ge $deadline ]; then echo "node$1 not ONLINE in 300 s; tail of its log:" >&2; tail -40 "$DIR/node$1/server.log" >&2; exit 1; fi
    sleep 2
  done
  echo "node$1 ONLINE (port $2) after ${SECONDS}s"
}

echo "== node1 (schema from the entities) then node2"
start_node 1 $((P + 20))
wait_online 1 $((P + 20))
start_node 2 $((P + 30))
wait_online 2 $((P + 30))

sed -e "s|@DIR@|$DIR|" -e "s/@LB_PORT@/$LB_PORT/" -e "s/@NODE1_PORT@/$((P + 20))/" -e "s/@NODE2_PORT@/$((P + 30))/" \
  .ci/cluster/haproxy.cfg.in >"$DIR/haproxy.cfg"
haproxy -q -D -f "$DIR/haproxy.cfg"
echo "== HAProxy on 127.0.0.1:$LB_PORT"
if [ "${1:-}" = start ]; then
  echo "cluster running: balancer 127.0.0.1:$LB_PORT, node1 :$((P + 20)), node2 :$((P + 30)); stop: $0 stop"
  exit 0
fi

cluster_it() { # cluster_it <test classes> [more -D options]
  local tests=$1
  shift
  mvn -B verify -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$tests" \
    -Dcluster.balancer="http://127.0.0.1:$LB_PORT/genesys/" \
    -Dcluster.nodes="http://127.0.0.1:$((P + 20))/genesys/,http://127.0.0.1:$((P + 30))/genesys/" \
    -Dcluster.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Dcluster.db.user=$DB -Dcluster.db.password=$DB "$@"
}
echo "== ClusterIT and ClusterChatIT through the balancer"
cluster_it ClusterIT,ClusterChatIT

# The node list (.ci/cluster/cluster-gms.ini: heartbeat every 2 s, DOWN after 6 s): node2, killed
# by ClusterFailoverIT, is shown DOWN by node1 within node_timeout plus one interval; node1 stopped
# cleanly is marked left.
node_status() { # node_status <port> <name>
  curl -fsS --max-time 5 -u admin:admin "http://127.0.0.1:$1/genesys/1/admin/nodes" |
    python3 -c "import json,sys; print(next((n['status'] for n in json.load(sys.stdin) if n['name'] == '$2'), 'absent'))"
}
[ "$(node_status $((P + 20)) node2)" = ONLINE ] || { echo "node2 not ONLINE in node1's list" >&2; exit 1; }
echo "== ClusterFailoverIT: kill -9 node2 in the middle of a chat"
SECONDS=0
cluster_it ClusterFailoverIT -Dcluster.kill.pid="$DIR/node2/pid"
rm -f "$DIR/node2/pid"
echo "== node1 shows node2 DOWN"
until [ "$(node_status $((P + 20)) node2)" = DOWN ]; do
  if [ $SECONDS -ge 50 ]; then echo "node2 not DOWN in node1's list 50 s after kill -9" >&2; exit 1; fi
  sleep 1
done
echo "node2 DOWN in node1's list within ${SECONDS}s of the failover test's start (node_timeout 6 s, heartbeat 2 s)"
echo "== node1 stopped cleanly: marked left"
pid=$(cat "$DIR/node1/pid")
kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
rm -f "$DIR/node1/pid"
left=$(su postgres -c "psql -tA -p $PG_PORT -d $DB -c \"select left_at is not null from cluster_node where name = 'node1'\"")
[ "$left" = t ] || { echo "node1 not marked left after a clean stop: '$left'" >&2; exit 1; }
echo "node1 marked left"
