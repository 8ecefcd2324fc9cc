# Sourced by the bench scripts: starts OpenGMS with the README run command on its own ports, data
# dir and bench config, waits (bounded) for ONLINE, and stops it on exit (SIGTERM to Maven).
# Ports: BENCH_HTTP_PORT (9180), 11180 management, 9543 https, 11183 management https.
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-9180}
BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-11180}
BENCH_HTTPS_PORT=${BENCH_HTTPS_PORT:-9543}
BENCH_MGMT_HTTPS_PORT=${BENCH_MGMT_HTTPS_PORT:-11183}
BASE="http://127.0.0.1:${BENCH_HTTP_PORT}/genesys"
BENCH_TMP=$(mktemp -d /tmp/opengms-bench.XXXXXX)
BENCH_DATA="$BENCH_TMP/data"
BENCH_CONF="$BENCH_TMP/conf"
mkdir -p "$BENCH_DATA" "$BENCH_CONF"
cp server-config/localization.xml "$BENCH_CONF/"
# BENCH_INI: another configuration to start from (e.g. bench/chat-gms.ini)
cp "${BENCH_INI:-server-config/gms.ini}" "$BENCH_CONF/gms.ini"
sed -i -e 's/^pushEnabled = .*/pushEnabled = comet,httpcb/' \
  -e 's|^outbound_allow =.*|outbound_allow = 127.0.0.1/32|' "$BENCH_CONF/gms.ini"
# BENCH_MVN_ARGS: extra Maven arguments for the server run (e.g. -Dgms.db.url=...)
# optional extra edits: BENCH_SED="-e s/^max_sessions = .*/max_sessions = 20000/"
if [ -n "${BENCH_SED:-}" ]; then sed -i $BENCH_SED "$BENCH_CONF/gms.ini"; fi
MVN_PID=

bench_stop() {
  if [ -n "$MVN_PID" ] && kill -0 "$MVN_PID" 2>/dev/null; then
    kill -TERM "$MVN_PID"
    for _ in $(seq 1 60); do kill -0 "$MVN_PID" 2>/dev/null || break; sleep 1; done
  fi
  # verify no java with our data dir remains (only processes we started carry this path)
  local left
  left=$(pgrep -f -- "$BENCH_DATA" || true)
  if [ -n "$left" ]; then
    echo "WARN: processes with $BENCH_DATA still alive after 60 s: $left; sending SIGTERM" >&2
    for p in $left; do kill -TERM "$p" 2>/dev/null || true; done
    sleep 5
  fi
  pgrep -f -- "$BENCH_DATA" >/dev/null && echo "WARN: server still alive" >&2 || echo "server stopped (no process with $BENCH_DATA)" >&2
}

# bench_start [extra Maven arguments, e.g. -Dgms.heap=2g]
bench_start() {
  echo "starting server: log $BENCH_TMP/server.log" >&2
  mvn -B -Prun -Dgms.http.port="$BENCH_HTTP_PORT" -Dgms.management.port="$BENCH_MGMT_PORT" \
    -Dgms.https.port="$BENCH_HTTPS_PORT" -Dgms.management.https.port="$BENCH_MGMT_HTTPS_PORT" \
    -Dgms.data.dir="$BENCH_DATA" -Dgms.config="$BENCH_CONF/gms.ini" "$@" ${BENCH_MVN_ARGS:-} >"$BENCH_TMP/server.log" 2>&1 &
  MVN_PID=$!
  local started=$SECONDS deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-420}))
  until curl -fsS --max-time 2 "$BASE/1/admin/node/status" 2>/dev/null | grep -q ONLINE; do
    if ! kill -0 "$MVN_PID" 2>/dev/null; then echo "server died; tail of log:" >&2; tail -30 "$BENCH_TMP/server.log" >&2; return 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "server not ONLINE in time" >&2; tail -30 "$BENCH_TMP/server.log" >&2; return 1; fi
    sleep 2
  done
  echo "server ONLINE after $((SECONDS - started))s" >&2
}

# the PID of the WildFly JVM started by bench_start (not Maven's)
bench_server_pid() {
  local p
  for p in $(pgrep -f -- "$BENCH_DATA" || true); do
    grep -qa jboss-modules "/proc/$p/cmdline" 2>/dev/null && { echo "$p"; return; }
  done
}
