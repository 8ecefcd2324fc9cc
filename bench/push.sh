#!/usr/bin/env bash
# Native push throughput (issue 8): deliveries/s from the server to local APNs and FCM stand-ins
# (HTTP/2 over TLS on loopback; src/test/java/org/opengms/testing/{ApnsStandIn,FcmStandIn}.java,
# which verify every provider token / access token as the real services would).
# src/test/java/org/opengms/bench/PushBench.java starts the stand-ins, this script then starts the
# server (ports 9180/11180/9543/11183, temp data dir) with the stand-ins as its APNs/FCM endpoints,
# PushBench creates N ios and N android subscriptions and publishes for DURATION seconds per type
# with PUBLISHERS concurrent publishers. Reports publishes/s, deliveries/s (counted by the
# stand-ins), publish latency and the connections the stand-ins accepted.
# Env: N (100), DURATION (20), PUBLISHERS (4).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100}
DURATION=${DURATION:-20}
PUBLISHERS=${PUBLISHERS:-4}
. bench/bench-server.sh
BENCH_PID=
cleanup() {
  if [ -n "$BENCH_PID" ]; then kill -TERM "$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; fi
  bench_finish
}
trap cleanup EXIT
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_TMP/cp.txt" >&2
CP="target/test-classes:$(cat "$BENCH_TMP/cp.txt")"
java -Xmx512m -cp "$CP" org.opengms.bench.PushBench "$BASE" "$BENCH_TMP/ports" "$N" "$DURATION" "$PUBLISHERS" \
  >"$BENCH_TMP/bench.out" 2>"$BENCH_TMP/bench.err" &
BENCH_PID=$!
for _ in $(seq 1 60); do [ -f "$BENCH_TMP/ports" ] && break; sleep 1; done
. "$BENCH_TMP/ports"
# the stand-ins as the default provider's endpoints, with the test keys and trust store
mkdir -p "$BENCH_CONF/push"
cp src/test/resources/push/* "$BENCH_CONF/push/"
cat >"$BENCH_TMP/push.ini" <<INI
apple.key_file = push/AuthKey_ITKEY12345.p8
apple.key_id = ITKEY12345
apple.team_id = ITTEAM0001
apple.topic = org.opengms.bench
apple.url = https://127.0.0.1:$APNS_PORT
apple.sandbox_url = https://127.0.0.1:$SANDBOX_PORT
apple.trust_store = push/standin-truststore.p12
apple.trust_store_password = standin
fcm.service_account_file = push/fcm-service-account.json
fcm.url = https://127.0.0.1:$FCM_PORT
fcm.token_uri = https://127.0.0.1:$FCM_PORT/token
fcm.trust_store = push/standin-truststore.p12
fcm.trust_store_password = standin
INI
sed -i -e 's/^pushEnabled = .*/pushEnabled = comet,httpcb,ios,android/' \
  -e "/^localization_file = /r $BENCH_TMP/push.ini" "$BENCH_CONF/gms.ini"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
bench_start
wait "$BENCH_PID" || { echo "PushBench failed:"; tail -20 "$BENCH_TMP/bench.err"; exit 1; }
BENCH_PID=
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "$(date -u +%FT%TZ) $(nproc) cores, N=$N subscriptions per type, $PUBLISHERS publishers, ${DURATION}s per type, load average before $LOAD_BEFORE, after $LOAD_AFTER"
cat "$BENCH_TMP/bench.out"
echo "server log warnings/errors (first 10):"
grep -E 'WARN|ERROR' "$BENCH_TMP/server.log" | grep -v -i 'deprecat\|plain-text' | head -10 || true
